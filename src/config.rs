//! What a run is configured with: gazetteers, caption rules, the record types to keep,
//! and the reference year, numeric date convention and home state to read documents
//! against when the caller knows them better than the documents say.

use crate::error::Error;
use crate::gazetteer::Gazetteers;
use crate::reference::NumericOrder;
use crate::repair::CaptionRules;
use std::borrow::Cow;
use std::collections::BTreeSet;
use std::sync::{Arc, LazyLock};

/// The embedded gazetteers, shared by every default configuration.
static EMBEDDED: LazyLock<Arc<Gazetteers>> =
    LazyLock::new(|| Arc::new(Gazetteers::embedded().clone()));

/// What the pipeline runs with: gazetteers, caption rules, the record types to keep,
/// and optionally the reference year, numeric date convention and home state.
#[derive(Clone, Debug)]
pub struct Config {
    pub(crate) gazetteers: Arc<Gazetteers>,
    pub(crate) captions: Cow<'static, CaptionRules>,
    pub(crate) types: Option<BTreeSet<String>>,
    pub(crate) reference_year: Option<i32>,
    pub(crate) numeric_order: Option<NumericOrder>,
    pub(crate) home_country: Option<String>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            gazetteers: EMBEDDED.clone(),
            captions: Cow::Borrowed(CaptionRules::embedded()),
            types: None,
            reference_year: None,
            numeric_order: None,
            home_country: None,
        }
    }
}

impl Config {
    /// Uses the embedded gazetteers with the files of `dir` added on top (see
    /// [`Gazetteers::with_dir`]); the photo credits of the result recognise captions.
    pub fn with_gazetteer_dir(mut self, dir: &std::path::Path) -> Result<Self, Error> {
        let gazetteers = Gazetteers::with_dir(dir)?;
        self.captions = Cow::Owned(CaptionRules::new(gazetteers.photo_credits()));
        self.gazetteers = Arc::new(gazetteers);
        Ok(self)
    }

    /// Keeps only records of these types (names as in [`crate::record::TYPE_NAMES`]).
    pub fn with_types(mut self, types: impl IntoIterator<Item = String>) -> Self {
        self.types = Some(types.into_iter().collect());
        self
    }

    /// Uses these photo credits to recognise captions.
    pub fn with_photo_credits<S: AsRef<str>>(mut self, credits: &[S]) -> Self {
        self.captions = Cow::Owned(CaptionRules::new(credits));
        self
    }

    /// Reads dates without a year against `year`, whatever the document says (see
    /// [`crate::Reference`]).
    pub fn with_reference_year(mut self, year: i32) -> Self {
        self.reference_year = Some(year);
        self
    }

    /// Reads numeric dates in this order (`3/4/2020`), whatever the document's own
    /// numeric dates show.
    pub fn with_numeric_order(mut self, order: NumericOrder) -> Self {
        self.numeric_order = Some(order);
        self
    }

    /// Reads documents as written for this state (ISO 3166-1 alpha-2 code, any case):
    /// the state whose relations they report, instead of the one each document shows.
    /// Fails on a code the country gazetteer does not know.
    pub fn with_home_country(mut self, code: &str) -> Result<Self, Error> {
        let upper = code.trim().to_ascii_uppercase();
        if self.gazetteers.country(&upper).is_none() {
            return Err(Error::UnknownCountry {
                code: code.to_string(),
            });
        }
        self.home_country = Some(upper);
        Ok(self)
    }

    /// The gazetteers.
    pub fn gazetteers(&self) -> &Gazetteers {
        &self.gazetteers
    }

    /// Whether records of type `name` are kept.
    pub fn keeps_type(&self, name: &str) -> bool {
        self.types.as_ref().is_none_or(|t| t.contains(name))
    }
}
