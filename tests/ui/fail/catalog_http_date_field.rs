// An http_date param is an HttpDate field: free text cannot reach Retry-After.
#[auth_errors::catalog("../catalogs/faces.yaml")]
#[derive(Debug)]
pub enum ApiError {}

fn main() {
    let _ = ApiError::Maintenance { until: String::from("tomorrow") };
    let _ = ApiError::RateLimited { wait: -5 };
}
