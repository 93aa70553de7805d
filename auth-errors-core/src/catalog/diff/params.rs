//! The params of a code both catalogs define, matched by name; one gone and one new at
//! the same place is a rename.

use crate::catalog::model::{Entry, Param};

use super::change::{Changes, Side, Site};
use super::kind::ChangeKind;
use super::words::Words;

/// Clients read params from messages and challenges: a param removed, renamed or of a
/// new type breaks them. A new param breaks no client, but code that builds the error
/// must now set it.
pub(super) fn compare(c: &mut Changes<'_>, o: &Entry, n: &Entry) {
    let code = Some(n.code.value.as_str());
    for (i, p) in o.params.iter().enumerate() {
        match n.param(&p.name.value) {
            Some(q) if q.ty.value != p.ty.value => {
                let mut what = Words::of("param ");
                what.value(&p.name.value).text(" changed type");
                c.changed(
                    ChangeKind::ParamType,
                    code,
                    what,
                    Side::bare(p.ty.value, Site::of(o, p.ty.at)),
                    Side::bare(q.ty.value, Site::of(n, q.ty.at)),
                );
            }
            Some(_) => {}
            None => {
                let mut w = Words::of("param ");
                w.value(&p.name.value);
                let old = Site::of(o, p.name.at);
                match rename(o, n, i) {
                    Some((_, q)) => {
                        w.text(" renamed to ").value(&q.name.value);
                        c.push(
                            ChangeKind::ParamRenamed,
                            code,
                            Some(old),
                            Some(Site::of(n, q.name.at)),
                            w,
                        )
                        .set_values(Some(p.name.value.clone()), Some(q.name.value.clone()));
                    }
                    None => {
                        w.text(" removed");
                        let new = Site::of(n, n.code.at);
                        c.push(ChangeKind::ParamRemoved, code, Some(old), Some(new), w);
                    }
                }
            }
        }
    }
    for (i, q) in n.params.iter().enumerate() {
        if o.param(&q.name.value).is_none() && rename(o, n, i).is_none() {
            let mut w = Words::of("param ");
            w.value(&q.name.value)
                .text(" added (")
                .bare(q.ty.value)
                .text("); code that builds this error must now set it");
            c.push(
                ChangeKind::ParamAdded,
                code,
                Some(Site::of(o, o.code.at)),
                Some(Site::of(n, q.name.at)),
                w,
            );
        }
    }
}

/// The old and the new param at place `i` when the old one's name is gone and the new
/// one's is new: a rename, not a removal and an addition.
fn rename<'e>(o: &'e Entry, n: &'e Entry, i: usize) -> Option<(&'e Param, &'e Param)> {
    let p = o
        .params
        .get(i)
        .filter(|p| n.param(&p.name.value).is_none())?;
    let q = n
        .params
        .get(i)
        .filter(|q| o.param(&q.name.value).is_none())?;
    Some((p, q))
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{cat, diff, kinds};

    /// An entry with the given `params:` lines, each used in the message.
    fn entry(params: &[(&str, &str)]) -> String {
        let mut out = String::from("  NOT_FOUND:\n    status: 404\n    message: \"Missing");
        for (name, _) in params {
            out.push_str(&format!(" {{{name}}}"));
        }
        out.push_str("\"\n    params:\n");
        for (name, ty) in params {
            out.push_str(&format!("      {name}: {ty}\n"));
        }
        out
    }

    fn changes(old: &[(&str, &str)], new: &[(&str, &str)]) -> Vec<(&'static str, bool, String)> {
        let d = diff(&cat("", &entry(old)), &cat("", &entry(new)));
        kinds(&d)
            .into_iter()
            .filter(|(k, _, _)| *k != "message")
            .map(|(k, b, s)| (k, b, s.to_owned()))
            .collect()
    }

    #[test]
    fn a_new_type_is_breaking() {
        assert_eq!(
            changes(&[("id", "string")], &[("id", "integer")]),
            [(
                "param-type",
                true,
                "param 'id' changed type from string to integer".to_owned()
            )]
        );
    }

    #[test]
    fn a_new_name_at_the_same_place_is_a_rename() {
        assert_eq!(
            changes(
                &[("id", "string"), ("at", "string")],
                &[("order_id", "string"), ("at", "string")]
            ),
            [(
                "param-renamed",
                true,
                "param 'id' renamed to 'order_id'".to_owned()
            )]
        );
    }

    #[test]
    fn a_name_gone_without_a_new_one_in_its_place_is_a_removal() {
        assert_eq!(
            changes(&[("id", "string"), ("at", "string")], &[("at", "string")]),
            [("param-removed", true, "param 'id' removed".to_owned())]
        );
    }

    #[test]
    fn a_new_param_is_not_breaking() {
        assert_eq!(
            changes(&[("id", "string")], &[("id", "string"), ("at", "integer")]),
            [(
                "param-added",
                false,
                "param 'at' added (integer); code that builds this error must now set it"
                    .to_owned()
            )]
        );
    }
}
