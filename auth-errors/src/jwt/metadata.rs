//! [`ProtectedResource`]: the RFC 9728 protected resource metadata document, from
//! configuration.

use bytes::Bytes;
use http::header::CONTENT_TYPE;
use http::{HeaderValue, Request, Response};
use http_body_util::Full;

use crate::jwt::ConfigError;

/// The protected resource metadata of RFC 9728: what a client needs to find the
/// authorization servers and the scopes of this API, served at
/// [`well_known_path`](ProtectedResource::well_known_path) and named in every 401
/// challenge by [`AddResourceMetadata`](crate::jwt::AddResourceMetadata).
///
/// Everything comes from configuration; nothing of a request (its `Host` header above
/// all) changes the document or the URL.
///
/// ```
/// use auth_errors::jwt::ProtectedResource;
///
/// let metadata = ProtectedResource::new("https://api.example/v1")?
///     .authorization_server("https://login.example")
///     .scopes_supported(["orders:read", "orders:write"]);
/// assert_eq!(metadata.well_known_path(), "/.well-known/oauth-protected-resource/v1");
/// assert_eq!(
///     metadata.metadata_url(),
///     "https://api.example/.well-known/oauth-protected-resource/v1",
/// );
/// let doc: serde_json::Value = serde_json::from_str(&metadata.to_json())?;
/// assert_eq!(doc["resource"], "https://api.example/v1");
/// assert_eq!(doc["bearer_methods_supported"], serde_json::json!(["header"]));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct ProtectedResource {
    resource: String,
    origin: String,
    path: String,
    authorization_servers: Vec<String>,
    scopes_supported: Vec<String>,
    resource_name: Option<String>,
}

impl ProtectedResource {
    /// The metadata of the resource identified by `resource`: an `https://` URL (or
    /// `http://` to a loopback host, for development) with no query or fragment
    /// (RFC 9728 §1.2).
    pub fn new(resource: impl Into<String>) -> Result<ProtectedResource, ConfigError> {
        let resource = resource.into();
        let url = reqwest::Url::parse(&resource).map_err(|_| ConfigError::ResourceUrl)?;
        let loopback = super::jwks::is_loopback(&url);
        let scheme_ok = url.scheme() == "https" || (url.scheme() == "http" && loopback);
        if !scheme_ok
            || url.query().is_some()
            || url.fragment().is_some()
            || !url.username().is_empty()
        {
            return Err(ConfigError::ResourceUrl);
        }
        let origin = url.origin().ascii_serialization();
        // The path as written, without the trailing slash `Url` adds to a bare host.
        let path = url.path().trim_end_matches('/').to_owned();
        Ok(ProtectedResource {
            resource,
            origin,
            path,
            authorization_servers: Vec::new(),
            scopes_supported: Vec::new(),
            resource_name: None,
        })
    }

    /// Adds an authorization server's issuer identifier (`authorization_servers`).
    pub fn authorization_server(mut self, issuer: impl Into<String>) -> Self {
        self.authorization_servers.push(issuer.into());
        self
    }

    /// The scopes clients may ask for (`scopes_supported`, RECOMMENDED).
    pub fn scopes_supported<I, S>(mut self, scopes: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.scopes_supported = scopes.into_iter().map(Into::into).collect();
        self
    }

    /// A name for people (`resource_name`).
    pub fn resource_name(mut self, name: impl Into<String>) -> Self {
        self.resource_name = Some(name.into());
        self
    }

    /// The resource identifier.
    pub fn resource(&self) -> &str {
        &self.resource
    }

    /// The path the document is served at: `/.well-known/oauth-protected-resource`
    /// followed by the resource identifier's path (RFC 9728 §3.1).
    pub fn well_known_path(&self) -> String {
        format!("/.well-known/oauth-protected-resource{}", self.path)
    }

    /// The document's URL, for `resource_metadata` in challenges (RFC 9728 §5.1).
    pub fn metadata_url(&self) -> String {
        format!("{}{}", self.origin, self.well_known_path())
    }

    /// The document as JSON (RFC 9728 §2): `resource`, and the other members that
    /// have values; bearer tokens are accepted in the `Authorization` header only.
    pub fn to_json(&self) -> String {
        let mut doc = serde_json::Map::new();
        doc.insert("resource".into(), self.resource.clone().into());
        if !self.authorization_servers.is_empty() {
            doc.insert(
                "authorization_servers".into(),
                self.authorization_servers.clone().into(),
            );
        }
        if !self.scopes_supported.is_empty() {
            doc.insert(
                "scopes_supported".into(),
                self.scopes_supported.clone().into(),
            );
        }
        doc.insert("bearer_methods_supported".into(), vec!["header"].into());
        if let Some(name) = &self.resource_name {
            doc.insert("resource_name".into(), name.clone().into());
        }
        serde_json::Value::Object(doc).to_string()
    }

    /// A tower service answering every request with the document (`200`,
    /// `application/json`), to mount at [`well_known_path`](Self::well_known_path):
    /// `Router::route_service(&path, metadata.service())` in axum.
    pub fn service(&self) -> MetadataService {
        MetadataService {
            body: Bytes::from(self.to_json()),
        }
    }
}

/// The service of [`ProtectedResource::service`].
#[derive(Debug, Clone)]
pub struct MetadataService {
    body: Bytes,
}

impl<B> tower_service::Service<Request<B>> for MetadataService {
    type Response = Response<Full<Bytes>>;
    type Error = std::convert::Infallible;
    type Future = std::future::Ready<Result<Self::Response, std::convert::Infallible>>;

    fn poll_ready(
        &mut self,
        _cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Result<(), Self::Error>> {
        std::task::Poll::Ready(Ok(()))
    }

    fn call(&mut self, _request: Request<B>) -> Self::Future {
        let mut response = Response::new(Full::new(self.body.clone()));
        response
            .headers_mut()
            .insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
        std::future::ready(Ok(response))
    }
}
