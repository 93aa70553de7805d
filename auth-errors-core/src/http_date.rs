//! [`HttpDate`]: a point in time as an HTTP-date, the type of a param declared
//! `http_date` (`Retry-After: "{until}"`).
//!
//! Senders generate the IMF-fixdate form only (RFC 9110 §5.6.7): `Sun, 06 Nov 1994
//! 08:49:37 GMT`. An `HttpDate` is whole seconds from 1970 to the end of 9999, so its
//! text always has that form, and nothing else can reach a header through it.

use std::fmt;
use std::str::FromStr;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Seconds from 1970-01-01T00:00:00Z to 9999-12-31T23:59:59Z: the last instant with a
/// four-digit year, which an IMF-fixdate needs.
const MAX_SECS: u64 = 253_402_300_799;

const DAY_NAMES: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A point in time that renders as an IMF-fixdate (RFC 9110 §5.6.7), in GMT, to the
/// second.
///
/// ```
/// use std::time::{Duration, UNIX_EPOCH};
/// use auth_errors_core::HttpDate;
///
/// let date = HttpDate::from_unix_seconds(784_111_777).ok_or("out of range")?;
/// assert_eq!(date.to_string(), "Sun, 06 Nov 1994 08:49:37 GMT");
/// assert_eq!("Sun, 06 Nov 1994 08:49:37 GMT".parse::<HttpDate>(), Ok(date));
/// // Not an IMF-fixdate (the obsolete RFC 850 form), or a wrong day name: no HttpDate.
/// assert!("Sunday, 06-Nov-94 08:49:37 GMT".parse::<HttpDate>().is_err());
/// assert!("Mon, 06 Nov 1994 08:49:37 GMT".parse::<HttpDate>().is_err());
/// // From a SystemTime, with the fraction of a second dropped.
/// let t = UNIX_EPOCH + Duration::from_millis(784_111_777_900);
/// assert_eq!(HttpDate::try_from(t).map(|d| d.unix_seconds()), Ok(784_111_777));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct HttpDate {
    secs: u64,
}

/// A time that has no IMF-fixdate (before 1970 or after 9999), or text that is not one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InvalidHttpDate {
    _priv: (),
}

impl fmt::Display for InvalidHttpDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(
            "not an IMF-fixdate between 1970 and 9999 (RFC 9110 §5.6.7: 'Sun, 06 Nov 1994 08:49:37 GMT')",
        )
    }
}

impl std::error::Error for InvalidHttpDate {}

impl HttpDate {
    /// The date this many seconds after 1970-01-01T00:00:00Z; `None` after 9999.
    pub const fn from_unix_seconds(secs: u64) -> Option<HttpDate> {
        if secs <= MAX_SECS {
            Some(HttpDate { secs })
        } else {
            None
        }
    }

    /// Seconds since 1970-01-01T00:00:00Z.
    pub const fn unix_seconds(self) -> u64 {
        self.secs
    }

    /// The date `delay` from now (to the second, rounded down); `None` past 9999.
    pub fn after(delay: Duration) -> Option<HttpDate> {
        HttpDate::try_from(SystemTime::now().checked_add(delay)?).ok()
    }
}

impl TryFrom<SystemTime> for HttpDate {
    type Error = InvalidHttpDate;

    fn try_from(time: SystemTime) -> Result<Self, Self::Error> {
        let secs = time
            .duration_since(UNIX_EPOCH)
            .map_err(|_| InvalidHttpDate { _priv: () })?
            .as_secs();
        HttpDate::from_unix_seconds(secs).ok_or(InvalidHttpDate { _priv: () })
    }
}

impl From<HttpDate> for SystemTime {
    fn from(date: HttpDate) -> SystemTime {
        UNIX_EPOCH + Duration::from_secs(date.secs)
    }
}

/// The civil date of a day count from 1970-01-01 (H. Hinnant's `civil_from_days`).
const fn civil(days: u64) -> (u64, u64, u64) {
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + if month <= 2 { 1 } else { 0 };
    (year, month, day)
}

/// Days from 1970-01-01 to a civil date of 1970 or later (H. Hinnant's `days_from_civil`).
const fn days(year: u64, month: u64, day: u64) -> u64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y / 400;
    let yoe = y - era * 400;
    let mp = if month > 2 { month - 3 } else { month + 9 };
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The one writer of an HTTP-date: `day-name "," SP day SP month SP year SP
/// hour ":" minute ":" second SP "GMT"`.
impl fmt::Display for HttpDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let days = self.secs / 86_400;
        let rest = self.secs % 86_400;
        let (year, month, day) = civil(days);
        let name = DAY_NAMES[(days % 7) as usize];
        let month = MONTHS[(month - 1) as usize];
        write!(
            f,
            "{name}, {day:02} {month} {year:04} {:02}:{:02}:{:02} GMT",
            rest / 3600,
            rest / 60 % 60,
            rest % 60
        )
    }
}

/// Parses an IMF-fixdate, exactly: the obsolete forms a recipient may accept are not
/// what a sender writes. A leap second (`:60`) has no `HttpDate`.
impl FromStr for HttpDate {
    type Err = InvalidHttpDate;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse(s).ok_or(InvalidHttpDate { _priv: () })
    }
}

fn parse(s: &str) -> Option<HttpDate> {
    let b = s.as_bytes();
    if b.len() != 29 || &b[3..5] != b", " || &b[25..] != b" GMT" {
        return None;
    }
    if b[7] != b' ' || b[11] != b' ' || b[16] != b' ' || b[19] != b':' || b[22] != b':' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u64> {
        let digits = s.get(r)?;
        digits
            .bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| digits.parse().ok())?
    };
    let day = num(5..7)?;
    let month = MONTHS.iter().position(|m| s.get(8..11) == Some(*m))? as u64 + 1;
    let year = num(12..16)?;
    let (hour, minute, second) = (num(17..19)?, num(20..22)?, num(23..25)?);
    if year < 1970 || hour > 23 || minute > 59 || second > 59 || day == 0 {
        return None;
    }
    let days = days(year, month, day);
    // A day past the month's end comes back as another date.
    if civil(days) != (year, month, day) || s.get(0..3) != Some(DAY_NAMES[(days % 7) as usize]) {
        return None;
    }
    HttpDate::from_unix_seconds(days * 86_400 + hour * 3600 + minute * 60 + second)
}

#[cfg(test)]
mod tests {
    use super::{HttpDate, MAX_SECS};

    #[test]
    fn every_date_renders_and_parses_back() {
        for secs in [
            0,
            59,
            86_399,
            951_782_400,
            1_709_164_800,
            4_107_542_400,
            MAX_SECS,
        ] {
            let date = HttpDate::from_unix_seconds(secs);
            let text = date.map(|d| d.to_string()).unwrap_or_default();
            assert_eq!(text.parse::<HttpDate>().ok(), date, "{text}");
        }
        assert_eq!(
            HttpDate::from_unix_seconds(0)
                .map(|d| d.to_string())
                .as_deref(),
            Some("Thu, 01 Jan 1970 00:00:00 GMT")
        );
        assert_eq!(
            HttpDate::from_unix_seconds(MAX_SECS)
                .map(|d| d.to_string())
                .as_deref(),
            Some("Fri, 31 Dec 9999 23:59:59 GMT")
        );
        assert_eq!(HttpDate::from_unix_seconds(MAX_SECS + 1), None);
        for bad in [
            "Thu, 29 Feb 2001 00:00:00 GMT",
            "Thu, 01 Jan 1970 24:00:00 GMT",
            "Thu, 01 Jan 1970 00:00:00 UTC",
            "Thu,  1 Jan 1970 00:00:00 GMT",
            "thu, 01 Jan 1970 00:00:00 GMT",
            "Thu, 01 Jan 1970 00:00:00 GMT ",
            "Wed, 31 Dec 1969 23:59:59 GMT",
        ] {
            assert!(bad.parse::<HttpDate>().is_err(), "{bad}");
        }
    }
}
