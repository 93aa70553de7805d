//! [`GrpcCode`]: the gRPC status code of an entry, and the one table that maps HTTP
//! statuses to it.
//!
//! The table is the Google API one, the `HTTP Mapping:` line of each code in
//! `google/rpc/code.proto`; never gRPC's transport table (`http-grpc-status-mapping.md`,
//! which maps what a proxy answers, 400 to `INTERNAL`). Each row is a code with its
//! catalog name, its number and the status code.proto maps it to; the row marked
//! *general* is what an entry with that status and no `grpc:` key gets.
//!
//! - A status that code.proto maps to one code derives it: 401 → `UNAUTHENTICATED`,
//!   403 → `PERMISSION_DENIED`, 404 → `NOT_FOUND`, 429 → `RESOURCE_EXHAUSTED`, 499 →
//!   `CANCELLED`, 501 → `UNIMPLEMENTED`, 503 → `UNAVAILABLE`, 504 → `DEADLINE_EXCEEDED`.
//! - 400 and 500 map to several codes, one of them the general one: 400 derives
//!   `INVALID_ARGUMENT` (`FAILED_PRECONDITION` and `OUT_OF_RANGE` are the narrower
//!   400s), 500 derives `INTERNAL` (`UNKNOWN` and `DATA_LOSS` are the narrower 500s). An
//!   entry may name a narrower one with `grpc:`.
//! - 409 maps to `ABORTED` and `ALREADY_EXISTS`, neither more general than the other: it
//!   is ambiguous, and an entry must choose with `grpc:`.
//! - A status code.proto does not map (402, 405, 413, 422, 502, …) derives nothing: an
//!   entry must choose with `grpc:`, any code but `OK`.
//!
//! ```
//! use auth_errors_core::spec::GrpcCode;
//!
//! assert_eq!(GrpcCode::derive(401), Some(GrpcCode::Unauthenticated));
//! assert_eq!(GrpcCode::derive(400), Some(GrpcCode::InvalidArgument));
//! assert_eq!(GrpcCode::derive(409), None);
//! assert_eq!(GrpcCode::Unauthenticated.number(), 16);
//! assert_eq!("ALREADY_EXISTS".parse::<GrpcCode>(), Ok(GrpcCode::AlreadyExists));
//! assert!(GrpcCode::AlreadyExists.fits(409));
//! assert!(!GrpcCode::PermissionDenied.fits(401));
//! ```

use super::names::Vocabulary;

/// Declares the codes from one table: the enum, its vocabulary table, and each code's
/// number, mapped status and whether it is the general code of its status.
macro_rules! grpc_codes {
    ($( $(#[$vmeta:meta])* $variant:ident = ($name:literal, $number:literal, $http:literal, $general:literal), )+) => {
        /// A gRPC status code (`google.rpc.Code`), as a catalog names it (`grpc:
        /// PERMISSION_DENIED`).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum GrpcCode {
            $( $(#[$vmeta])* $variant, )+
        }

        impl GrpcCode {
            /// Every code, in number order.
            pub const ALL: &'static [GrpcCode] = &[$(GrpcCode::$variant),+];

            /// The name used in a catalog and in `google/rpc/code.proto` (`NOT_FOUND`).
            pub const fn name(self) -> &'static str {
                match self {
                    $(GrpcCode::$variant => $name,)+
                }
            }

            /// The code's number on the wire (`grpc-status`): `NOT_FOUND` is 5.
            pub const fn number(self) -> i32 {
                match self {
                    $(GrpcCode::$variant => $number,)+
                }
            }

            /// The HTTP status code.proto's `HTTP Mapping:` gives the code.
            pub const fn http_status(self) -> u16 {
                match self {
                    $(GrpcCode::$variant => $http,)+
                }
            }

            /// Whether the code is what its status derives to (the only code of its
            /// status, or the general one of several).
            pub const fn is_general(self) -> bool {
                match self {
                    $(GrpcCode::$variant => $general,)+
                }
            }
        }

        impl Vocabulary for GrpcCode {
            const KIND: &'static str = "gRPC code";
            const TABLE: &'static [(GrpcCode, &'static str, &'static str)] =
                &[$((GrpcCode::$variant, $name, stringify!($variant))),+];
        }
    };
}

grpc_codes! {
    /// Not an error (HTTP 200): never an entry's code.
    Ok = ("OK", 0, 200, false),
    /// The operation was cancelled, typically by the caller (HTTP 499).
    Cancelled = ("CANCELLED", 1, 499, true),
    /// An unknown error, or one raised without enough information (HTTP 500).
    Unknown = ("UNKNOWN", 2, 500, false),
    /// The client specified an invalid argument, whatever the system's state (HTTP 400).
    InvalidArgument = ("INVALID_ARGUMENT", 3, 400, true),
    /// The deadline expired before the operation could complete (HTTP 504).
    DeadlineExceeded = ("DEADLINE_EXCEEDED", 4, 504, true),
    /// Some requested entity was not found (HTTP 404).
    NotFound = ("NOT_FOUND", 5, 404, true),
    /// The entity a client tried to create already exists (HTTP 409).
    AlreadyExists = ("ALREADY_EXISTS", 6, 409, false),
    /// The caller lacks permission for the operation (HTTP 403).
    PermissionDenied = ("PERMISSION_DENIED", 7, 403, true),
    /// A resource (a quota, a rate) has been exhausted (HTTP 429).
    ResourceExhausted = ("RESOURCE_EXHAUSTED", 8, 429, true),
    /// The system is not in a state the operation needs (HTTP 400).
    FailedPrecondition = ("FAILED_PRECONDITION", 9, 400, false),
    /// The operation was aborted, typically by a concurrency conflict (HTTP 409).
    Aborted = ("ABORTED", 10, 409, false),
    /// The operation was attempted past the valid range (HTTP 400).
    OutOfRange = ("OUT_OF_RANGE", 11, 400, false),
    /// The operation is not implemented or not supported (HTTP 501).
    Unimplemented = ("UNIMPLEMENTED", 12, 501, true),
    /// An internal error: an invariant the system expects is broken (HTTP 500).
    Internal = ("INTERNAL", 13, 500, true),
    /// The service is currently unavailable; retrying may help (HTTP 503).
    Unavailable = ("UNAVAILABLE", 14, 503, true),
    /// Unrecoverable data loss or corruption (HTTP 500).
    DataLoss = ("DATA_LOSS", 15, 500, false),
    /// The request lacks valid authentication credentials (HTTP 401).
    Unauthenticated = ("UNAUTHENTICATED", 16, 401, true),
}

impl GrpcCode {
    /// The code an entry with `status` and no `grpc:` key gets: the one code code.proto
    /// maps the status to, or the general one of several; `None` where the entry must
    /// choose (409, and every status code.proto does not map).
    pub const fn derive(status: u16) -> Option<GrpcCode> {
        let mut i = 0;
        while i < GrpcCode::ALL.len() {
            let code = GrpcCode::ALL[i];
            if code.is_general() && code.http_status() == status {
                return Some(code);
            }
            i += 1;
        }
        None
    }

    /// Whether code.proto maps `status` to some code.
    pub const fn is_mapped(status: u16) -> bool {
        let mut i = 0;
        while i < GrpcCode::ALL.len() {
            if GrpcCode::ALL[i].http_status() == status {
                return true;
            }
            i += 1;
        }
        false
    }

    /// The codes code.proto maps `status` to, in number order (empty for a status it
    /// does not map).
    pub fn for_status(status: u16) -> impl Iterator<Item = GrpcCode> {
        GrpcCode::ALL
            .iter()
            .copied()
            .filter(move |c| c.http_status() == status)
    }

    /// Whether an entry with `status` may answer with this code: one the status maps to,
    /// or, for a status code.proto does not map, any code but `OK`.
    pub const fn fits(self, status: u16) -> bool {
        if GrpcCode::is_mapped(status) {
            self.http_status() == status
        } else {
            !matches!(self, GrpcCode::Ok)
        }
    }

    /// The code with this number on the wire.
    pub fn from_number(number: i32) -> Option<GrpcCode> {
        GrpcCode::ALL.iter().copied().find(|c| c.number() == number)
    }
}

impl std::fmt::Display for GrpcCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl std::str::FromStr for GrpcCode {
    type Err = super::names::UnknownName;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        <GrpcCode as Vocabulary>::from_name(s)
    }
}

#[cfg(test)]
mod tests {
    use super::GrpcCode;

    #[test]
    fn every_mapped_status_derives_at_most_one_general_code() {
        for code in GrpcCode::ALL {
            let general = GrpcCode::for_status(code.http_status())
                .filter(|c| c.is_general())
                .count();
            assert!(general <= 1, "{code}");
        }
    }

    #[test]
    fn numbers_are_in_order() {
        for (i, code) in GrpcCode::ALL.iter().enumerate() {
            assert_eq!(usize::try_from(code.number()).ok(), Some(i));
            assert_eq!(GrpcCode::from_number(code.number()), Some(*code));
        }
    }
}
