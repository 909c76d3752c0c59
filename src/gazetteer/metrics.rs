//! The metric words: what a figure measures, told by the words around it
//! (`metric-words.tsv`).
//!
//! **Takes** the file's rows, layer by layer (a later row for a phrase already listed,
//! in the file or a later layer, replaces its metric and options). **Gives** the words
//! in file order and their matcher: whole words are the caller's to check; the matcher
//! finds the phrases in any ASCII case, the longest where two overlap.

use crate::vocab::Metric;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use std::ops::Range;

/// One metric word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct MetricWord {
    /// The phrase, as listed.
    pub phrase: String,
    /// What a figure it names measures.
    pub metric: Metric,
    /// The phrase says what an amount is, not what a percentage is (`donated`).
    pub money_only: bool,
}

/// The metric words, in file order, and their matcher.
#[derive(Debug, Clone)]
pub(crate) struct MetricWords {
    words: Vec<MetricWord>,
    matcher: AhoCorasick,
}

impl MetricWords {
    /// Compiles `words` (in the order a phrase read alone is looked up in) into a DFA.
    /// The crate's own choice is a DFA only up to 100 phrases, and the list holds more:
    /// its contiguous NFA took about 1,700 instructions for each of the short
    /// stretches before a figure that are searched (on a directory of 40 bluebook
    /// copies, the DFA does 7 M fewer instructions, and 40 copies in one file 10 M
    /// fewer, for about 3 M more at start-up).
    pub(crate) fn new(words: Vec<MetricWord>) -> Result<MetricWords, String> {
        let matcher = AhoCorasickBuilder::new()
            .kind(Some(AhoCorasickKind::DFA))
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(words.iter().map(|w| w.phrase.as_str()))
            .map_err(|e| e.to_string())?;
        Ok(MetricWords { words, matcher })
    }

    /// The words, in file order.
    pub(crate) fn words(&self) -> &[MetricWord] {
        &self.words
    }

    /// The words found in `text`, leftmost-longest, in order, with their ranges; whole
    /// words or not.
    pub(crate) fn find_iter<'m>(
        &'m self,
        text: &'m str,
    ) -> impl Iterator<Item = (Range<usize>, &'m MetricWord)> + 'm {
        self.matcher
            .find_iter(text)
            .map(|m| (m.range(), &self.words[m.pattern().as_usize()]))
    }
}
