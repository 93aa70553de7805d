//! From the catalog model to the runtime description of an entry: [`Entry::to_spec`]
//! (and the uncompiled [`Entry::to_parts`]) and [`Catalog::to_specs`], used by the macros
//! and the renderers.

use crate::__private::{challenge_spec, header_spec, param_spec};
use crate::spec::{ChallengeSpec, ErrorSpec, HeaderSpec, ParamSpec, SpecParts};

use super::model::{Catalog, Defaults, Entry, Spanned};

impl<S> Catalog<S> {
    /// Every entry as an [`ErrorSpec`], for the renderers.
    ///
    /// The specs' text is leaked to make it `'static`: call this once per process (a
    /// CLI run, a build script), not per request.
    pub fn to_specs(&self) -> Vec<ErrorSpec> {
        let mut leak = |s: &str| -> &'static str { Box::leak(s.to_owned().into_boxed_str()) };
        self.entries
            .iter()
            .map(|e| crate::render::compile::spec(self.parts_of(e, &mut leak)))
            .collect()
    }

    /// The spec parts of `entry`, an entry of this catalog, its text made `'static` by
    /// `intern`: [`Entry::to_parts`], and for a concealed entry its public face, the
    /// `conceal_as` target's spec (leaked, compiled). What the macros and
    /// [`to_specs`](Catalog::to_specs) build from.
    pub fn parts_of(
        &self,
        entry: &Entry,
        intern: &mut dyn FnMut(&str) -> &'static str,
    ) -> SpecParts {
        let defaults = &self.top.defaults;
        let mut parts = entry.to_parts(defaults, intern);
        // A target that is missing or concealed is a diagnostic (`conceal-target`); a
        // partial catalog leaves such an entry its own face.
        let target = entry
            .conceal_as
            .as_ref()
            .and_then(|t| self.get(&t.value))
            .filter(|t| t.conceal_as.is_none());
        if let Some(target) = target {
            let spec = target.to_spec(defaults, intern);
            parts.conceal_as = Some(Box::leak(Box::new(spec)));
        }
        parts
    }
}

impl Entry {
    /// The entry as an [`ErrorSpec`], its text made `'static` by `intern` and its message,
    /// header and body compiled.
    pub fn to_spec(
        &self,
        defaults: &Defaults,
        intern: &mut dyn FnMut(&str) -> &'static str,
    ) -> ErrorSpec {
        crate::render::compile::spec(self.to_parts(defaults, intern))
    }

    /// The entry's spec before compiling, its text made `'static` by `intern`: what the
    /// macros compile and emit as literals. A concealed entry's public face is another
    /// entry of its catalog, which only the catalog knows: [`Catalog::parts_of`] adds it.
    pub fn to_parts(
        &self,
        defaults: &Defaults,
        intern: &mut dyn FnMut(&str) -> &'static str,
    ) -> SpecParts {
        let mut opt = |s: &Option<Spanned<String>>| s.as_ref().map(|s| intern(&s.value));
        let title = opt(&self.title);
        let docs = opt(&self.docs);
        let deprecated = opt(&self.deprecated);
        let since = opt(&self.since);
        let type_uri = defaults.docs_url_for(&self.code.value).map(|u| intern(&u));
        let mut challenges = self.challenges.iter().map(|c| {
            let params: Vec<(&'static str, &'static str)> = c
                .attributes(defaults)
                .into_iter()
                .map(|(n, v)| (intern(n), intern(&v.value)))
                .collect();
            challenge_spec(intern(&c.scheme(defaults).value), Vec::leak(params))
        });
        let challenge = challenges.next();
        let more_challenges: Vec<ChallengeSpec> = challenges.collect();
        let params: Vec<ParamSpec> = self
            .params
            .iter()
            .map(|p| param_spec(intern(&p.name.value), p.ty.value))
            .collect();
        let headers: Vec<HeaderSpec> = self
            .headers
            .iter()
            .map(|(n, v)| header_spec(intern(&n.value), intern(&v.value)))
            .collect();
        SpecParts {
            code: intern(&self.code.value),
            status: self.status.value,
            title,
            message: intern(&self.message.value),
            docs,
            deprecated,
            since,
            client: self.client_action(),
            expose: self.expose.value,
            body: defaults.body,
            type_uri,
            grpc: self.grpc_code(),
            challenge,
            more_challenges: Vec::leak(more_challenges),
            conceal_as: None,
            params: Vec::leak(params),
            headers: Vec::leak(headers),
        }
    }
}
