//! "Did you mean …?": the known name nearest to a misspelt one, for the loader's unknown
//! keys and types and the macros' unknown codes.

/// The known name closest to `key` by edit distance, if it is close enough to be a typo
/// (compared case-insensitively against lower-case names).
pub fn nearest<'k>(key: &str, known: &[&'k str]) -> Option<&'k str> {
    let lower = key.to_ascii_lowercase();
    known
        .iter()
        .map(|&k| (edit_distance(&lower, k), k))
        .filter(|&(d, k)| d <= (k.len() / 3).max(2))
        .min_by_key(|&(d, _)| d)
        .map(|(_, k)| k)
}

/// The Levenshtein distance: how many characters to insert, delete or replace.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, &cb) in b.iter().enumerate() {
            let substitution = prev[j] + usize::from(ca != cb);
            cur[j + 1] = substitution.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::{edit_distance, nearest};

    #[test]
    fn edit_distance_counts_insertions_deletions_and_substitutions() {
        assert_eq!(edit_distance("", ""), 0);
        assert_eq!(edit_distance("mesage", "message"), 1);
        assert_eq!(edit_distance("statsu", "status"), 2);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
    }

    #[test]
    fn a_typo_finds_its_key_and_a_stranger_finds_none() {
        let keys = ["status", "message", "title", "challenge"];
        assert_eq!(nearest("mesage", &keys), Some("message"));
        assert_eq!(nearest("STATUS", &keys), Some("status"));
        assert_eq!(nearest("chalenge", &keys), Some("challenge"));
        assert_eq!(nearest("color", &keys), None);
    }
}
