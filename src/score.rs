//! Score: MQM penalties (Freitag et al. 2021 weights) per segment and per document,
//! normalized per 100 source words. Findings are candidate issues, so the score is an
//! estimate for a reviewer to confirm, not a verdict.

use crate::model::{Finding, Severity};

/// Penalty of one finding: minor 1, major 5, critical 25, info 0; a minor punctuation or
/// typography issue weighs 0.1.
pub fn penalty(finding: &Finding) -> f64 {
    match finding.severity {
        Severity::Info => 0.0,
        Severity::Minor if is_punctuation(finding.category) => 0.1,
        Severity::Minor => 1.0,
        Severity::Major => 5.0,
        Severity::Critical => 25.0,
    }
}

fn is_punctuation(category: &str) -> bool {
    category.starts_with("fluency/punctuation") || category.contains("typography")
}

/// Sum of penalties of the findings.
pub fn total_penalty<'a>(findings: impl IntoIterator<Item = &'a Finding>) -> f64 {
    // An empty f64 sum is -0.0; adding 0.0 keeps reports from printing `-0.0`.
    findings.into_iter().map(penalty).sum::<f64>() + 0.0
}

/// Penalty per 100 source words (0 for an empty source).
pub fn per_hundred_words(penalty: f64, source_words: usize) -> f64 {
    if source_words == 0 {
        0.0
    } else {
        penalty * 100.0 / source_words as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(severity: Severity, category: &'static str) -> Finding {
        Finding {
            rule: "x",
            category,
            severity,
            message: String::new(),
            suggestion: None,
            segment: 0,
            source: None,
            target: None,
        }
    }

    #[test]
    fn freitag_weights() {
        assert_eq!(
            penalty(&finding(Severity::Major, "accuracy/mistranslation")),
            5.0
        );
        assert_eq!(
            penalty(&finding(Severity::Critical, "accuracy/mistranslation")),
            25.0
        );
        assert_eq!(
            penalty(&finding(Severity::Minor, "fluency/punctuation")),
            0.1
        );
        assert_eq!(penalty(&finding(Severity::Minor, "fluency/spelling")), 1.0);
        assert_eq!(per_hundred_words(5.0, 50), 10.0);
    }
}
