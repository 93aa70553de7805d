//! The `retired:` lists of the two catalogs.

use crate::catalog::model::Retired;

use super::change::{Changes, Site};
use super::kind::ChangeKind;
use super::words::Words;

/// A code dropped from `retired:` may be reused with another meaning, which misleads
/// clients that knew it: breaking. A code newly retired breaks nothing; one removed in
/// the same diff is retired in its `removed` change, not reported twice.
pub(super) fn compare(c: &mut Changes<'_>) {
    let (old, new) = (c.old, c.new);
    let listed = |list: &[Retired], r: &Retired| list.iter().any(|q| q.code.value == r.code.value);
    for r in old.retired().iter().filter(|r| !listed(new.retired(), r)) {
        let mut w = Words::of("no longer listed under ");
        w.value("retired:")
            .text(", so the code may be reused with another meaning");
        c.push(ChangeKind::Unretired, code(r), Some(site(r)), None, w);
    }
    for r in new.retired() {
        let removed_now = old.get(&r.code.value).is_some() && new.get(&r.code.value).is_none();
        if !listed(old.retired(), r) && !removed_now {
            let w = Words::of("retired: the code may never be defined again");
            c.push(ChangeKind::Retired, code(r), None, Some(site(r)), w);
        }
    }
}

fn code(r: &Retired) -> Option<&str> {
    Some(&r.code.value)
}

/// Where the `retired:` list names the code.
fn site(r: &Retired) -> Site {
    Site::new(&r.origin, r.code.at)
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{cat, diff, kinds};

    const KEPT: &str = "  KEPT:\n    status: 400\n    message: Kept\n";

    #[test]
    fn unretiring_is_breaking_retiring_is_not() {
        let retired = cat("retired: [OLD_CODE]\n", KEPT);
        let d = diff(&retired, &cat("", KEPT));
        assert_eq!(
            kinds(&d),
            [(
                "unretired",
                true,
                "no longer listed under 'retired:', so the code may be reused with another meaning"
            )]
        );
        assert_eq!(
            d.changes()[0].old_site().map(ToString::to_string),
            Some("old.yaml:2:11".into())
        );
        let d = diff(&cat("", KEPT), &retired);
        assert_eq!(
            kinds(&d),
            [(
                "retired",
                false,
                "retired: the code may never be defined again"
            )]
        );
        assert_eq!(
            d.changes()[0].new_site().map(ToString::to_string),
            Some("new.yaml:2:11".into())
        );
    }
}
