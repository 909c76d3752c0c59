//! Exact decimal numbers, as figures state them.
//!
//! A figure such as `US$ 543.9 billion` is worth exactly 543 900 000 000 dollars; a
//! binary float would make it 543899999999.99994. [`Decimal`] keeps the digits as
//! written and scales them by moving the decimal point, so `543.9` shifted by 9 places
//! is exactly `543900000000`. In JSON every value is written with at least one
//! fractional digit (`543900000000.0`, `3.14`, `-3.5`, `0.84`; see
//! [`Decimal::to_json_number`]), never through a binary float.

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

/// An exact decimal number: `mantissa × 10^-scale`, kept without trailing zeros after
/// the decimal point (so equal values compare equal).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Decimal {
    mantissa: i128,
    scale: u32,
}

/// More digits than any stated amount has; beyond this, parsing gives up.
const MAX_DIGITS: usize = 30;

impl Decimal {
    /// `mantissa × 10^-scale`.
    pub fn new(mantissa: i128, scale: u32) -> Decimal {
        let (mut mantissa, mut scale) = (mantissa, scale);
        // Almost every figure fits in 64 bits, where a remainder is one instruction and
        // not a call into the 128-bit division routine.
        if let Ok(mut small) = i64::try_from(mantissa) {
            while scale > 0 && small % 10 == 0 {
                small /= 10;
                scale -= 1;
            }
            return Decimal {
                mantissa: i128::from(small),
                scale,
            };
        }
        while scale > 0 && mantissa % 10 == 0 {
            mantissa /= 10;
            scale -= 1;
        }
        Decimal { mantissa, scale }
    }

    /// A number as figures write it: digits with optional thousands separators (`,`)
    /// and an optional decimal part (`3,490,000`, `543.9`, `0.84`). No sign.
    ///
    /// ```
    /// use bluebook::number::Decimal;
    /// assert_eq!(Decimal::from_grouped("3,490,000").unwrap().to_string(), "3490000");
    /// assert_eq!(Decimal::from_grouped("20,000.00").unwrap().to_string(), "20000");
    /// ```
    pub fn from_grouped(text: &str) -> Option<Decimal> {
        let mut mantissa: i128 = 0;
        let mut scale = 0u32;
        let mut seen_point = false;
        let mut digits = 0usize;
        for b in text.bytes() {
            match b {
                b'0'..=b'9' => {
                    digits += 1;
                    if digits > MAX_DIGITS {
                        return None;
                    }
                    mantissa = mantissa * 10 + i128::from(b - b'0');
                    if seen_point {
                        scale += 1;
                    }
                }
                b',' if !seen_point => {}
                b'.' if !seen_point => seen_point = true,
                _ => return None,
            }
        }
        (digits > 0).then(|| Decimal::new(mantissa, scale))
    }

    /// The value times `10^places`: the decimal point moved right, never a float
    /// multiplication (`543.9` shifted by 9 is `543900000000`).
    pub fn shift(self, places: u32) -> Option<Decimal> {
        let drop = places.min(self.scale);
        let rest = places - drop;
        let mantissa = self.mantissa.checked_mul(10i128.checked_pow(rest)?)?;
        Some(Decimal::new(mantissa, self.scale - drop))
    }

    /// The negated value.
    pub fn negated(self) -> Decimal {
        Decimal::new(-self.mantissa, self.scale)
    }

    /// Whether the value has no fractional part.
    pub fn is_integer(self) -> bool {
        self.scale == 0
    }

    /// The value as an integer count of `10^-scale` units (`3.14` at scale 9 is
    /// `3140000000`), or `None` when that cannot hold it exactly (more fractional
    /// digits than `scale`, or too large).
    pub fn to_scaled(self, scale: u32) -> Option<i128> {
        let more = scale.checked_sub(self.scale)?;
        self.mantissa.checked_mul(10i128.checked_pow(more)?)
    }

    /// `self - other`, exact: the two are brought to the same scale first (`42.15 -
    /// 39.62` is `2.53`); `None` when the digits would overflow.
    ///
    /// ```
    /// use bluebook::number::Decimal;
    /// let a = Decimal::from_grouped("42.15").unwrap();
    /// let b = Decimal::from_grouped("39.62").unwrap();
    /// assert_eq!(a.checked_sub(b).unwrap().to_string(), "2.53");
    /// assert_eq!(b.checked_sub(a).unwrap().to_string(), "-2.53");
    /// ```
    pub fn checked_sub(self, other: Decimal) -> Option<Decimal> {
        let scale = self.scale.max(other.scale);
        let widen = |d: Decimal| d.mantissa.checked_mul(10i128.checked_pow(scale - d.scale)?);
        Some(Decimal::new(
            widen(self)?.checked_sub(widen(other)?)?,
            scale,
        ))
    }

    /// The nearest `f64` (for sorting or arithmetic that need not be exact).
    pub fn to_f64(self) -> f64 {
        self.to_string().parse().unwrap_or(f64::NAN)
    }
}

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let digits = self.mantissa.unsigned_abs().to_string();
        let sign = if self.mantissa < 0 { "-" } else { "" };
        let scale = self.scale as usize;
        if scale == 0 {
            return write!(f, "{sign}{digits}");
        }
        let padded = format!("{digits:0>width$}", width = scale + 1);
        let (int, frac) = padded.split_at(padded.len() - scale);
        write!(f, "{sign}{int}.{frac}")
    }
}

/// Parsing a plain decimal literal: optional sign, digits, optional fraction, optional
/// exponent (`-3.5`, `4.7e9`, `1e4`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseDecimalError;

impl fmt::Display for ParseDecimalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not a decimal number")
    }
}

impl std::error::Error for ParseDecimalError {}

impl FromStr for Decimal {
    type Err = ParseDecimalError;

    fn from_str(s: &str) -> Result<Decimal, ParseDecimalError> {
        let (negative, body) = match s.as_bytes().first() {
            Some(b'-') => (true, &s[1..]),
            Some(b'+') => (false, &s[1..]),
            _ => (false, s),
        };
        let (number, exponent) = match body.find(['e', 'E']) {
            Some(at) => (
                &body[..at],
                body[at + 1..]
                    .parse::<i32>()
                    .map_err(|_| ParseDecimalError)?,
            ),
            None => (body, 0),
        };
        if number.contains(',') || number.starts_with('.') || number.ends_with('.') {
            return Err(ParseDecimalError);
        }
        let d = Decimal::from_grouped(number).ok_or(ParseDecimalError)?;
        let d = if exponent >= 0 {
            d.shift(exponent.unsigned_abs()).ok_or(ParseDecimalError)?
        } else {
            let scale = d
                .scale
                .checked_add(exponent.unsigned_abs())
                .ok_or(ParseDecimalError)?;
            Decimal::new(d.mantissa, scale)
        };
        Ok(if negative { d.negated() } else { d })
    }
}

impl Decimal {
    /// The exact decimal with at least one fractional digit (`543900000000.0`, `3.14`,
    /// `-3.5`): how JSON Lines write it, so that a reader inferring types from the
    /// first rows types every amount as a fractional number, never as an integer that
    /// would cut a later `3.14` to `3`.
    pub fn to_json_number(&self) -> String {
        let mut out = Vec::with_capacity(24);
        self.write_json_number(&mut out);
        // A sign, digits and a point: ASCII.
        String::from_utf8(out).unwrap_or_default()
    }

    /// [`Decimal::to_json_number`], appended to `out`: its [`fmt::Display`] form, and
    /// `.0` when that has no point, written without a string of its own.
    pub(crate) fn write_json_number(&self, out: &mut Vec<u8>) {
        if self.mantissa < 0 {
            out.push(b'-');
        }
        let mut buffer = itoa::Buffer::new();
        let digits = buffer.format(self.mantissa.unsigned_abs()).as_bytes();
        let scale = self.scale as usize;
        if scale == 0 {
            out.extend_from_slice(digits);
            out.extend_from_slice(b".0");
        } else if digits.len() <= scale {
            // `0.` and the fraction padded with zeros to `scale` digits.
            out.extend_from_slice(b"0.");
            out.resize(out.len() + scale - digits.len(), b'0');
            out.extend_from_slice(digits);
        } else {
            let (int, frac) = digits.split_at(digits.len() - scale);
            out.extend_from_slice(int);
            out.push(b'.');
            out.extend_from_slice(frac);
        }
    }
}

impl Serialize for Decimal {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // The exact digits, written as a JSON number as they are (serde_json's raw
        // value): no detour through a double, which would change a 17th digit.
        match serde_json::value::RawValue::from_string(self.to_json_number()) {
            Ok(raw) => raw.serialize(serializer),
            Err(_) => serializer.serialize_f64(self.to_f64()),
        }
    }
}

impl<'de> Deserialize<'de> for Decimal {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Decimal, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Decimal;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a number")
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Decimal, E> {
                Ok(Decimal::new(i128::from(v), 0))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Decimal, E> {
                Ok(Decimal::new(i128::from(v), 0))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Decimal, E> {
                // Rust prints the shortest decimal that reads back as `v`.
                v.to_string().parse().map_err(E::custom)
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

impl JsonSchema for Decimal {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        "Decimal".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "number",
            "description": "An exact decimal, always written with a fractional part (`543900000000.0`, `3.14`)."
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().expect("decimal")
    }

    #[test]
    fn json_numbers_are_the_display_form_with_a_point() {
        let mantissas = [
            0,
            1,
            -1,
            7,
            10,
            -35,
            84,
            5439,
            1_000_000,
            -123_456_789,
            i128::MAX,
            i128::MIN,
        ];
        for m in mantissas {
            for scale in [0, 1, 2, 3, 9, 12, 30, 40] {
                let v = Decimal::new(m, scale);
                let mut shown = v.to_string();
                if !shown.contains('.') {
                    shown.push_str(".0");
                }
                assert_eq!(v.to_json_number(), shown, "{m} {scale}");
                // A JSON number: serde_json reads it back as one.
                assert!(serde_json::from_str::<serde_json::Number>(&shown).is_ok());
            }
        }
    }

    #[test]
    fn scaling_moves_the_decimal_point() {
        let cases = [
            ("543.9", 9, "543900000000"),
            ("39.62", 9, "39620000000"),
            ("0.7", 6, "700000"),
            ("3.14", 0, "3.14"),
            ("1.2345", 2, "123.45"),
            ("78.9", 6, "78900000"),
            ("0.84", 0, "0.84"),
        ];
        for (text, places, want) in cases {
            let got = Decimal::from_grouped(text).and_then(|v| v.shift(places));
            assert_eq!(got.map(|v| v.to_string()).as_deref(), Some(want), "{text}");
        }
    }

    #[test]
    fn json_is_the_exact_decimal_always_with_a_fraction() {
        let json = |s: &str| serde_json::to_string(&d(s)).expect("serializes");
        assert_eq!(json("543900000000"), "543900000000.0");
        assert_eq!(json("543.9e9"), "543900000000.0");
        assert_eq!(json("3.14"), "3.14");
        assert_eq!(json("-3.5"), "-3.5");
        assert_eq!(json("2.91"), "2.91");
        assert_eq!(json("20.0"), "20.0");
        // Beyond a double's 17 digits, still exact.
        assert_eq!(json("12345678901234567.89"), "12345678901234567.89");
        let value = serde_json::to_value(d("2.91")).expect("a value");
        assert_eq!(value.as_f64(), Some(2.91));
        let back: Decimal = serde_json::from_str("3.14").expect("reads");
        assert_eq!(back, d("3.14"));
        let back: Decimal = serde_json::from_str("543900000000").expect("reads");
        assert_eq!(back, d("5439e8"));
    }

    #[test]
    fn scaled_integers_are_exact_or_none() {
        assert_eq!(d("3.14").to_scaled(9), Some(3_140_000_000));
        assert_eq!(d("-3.5").to_scaled(1), Some(-35));
        assert_eq!(
            d("543900000000").to_scaled(9),
            Some(543_900_000_000_000_000_000)
        );
        assert_eq!(d("0.0000000001").to_scaled(9), None);
        assert_eq!(Decimal::new(i128::MAX, 0).to_scaled(9), None);
    }

    #[test]
    fn subtraction_is_exact_across_scales() {
        let sub = |a: &str, b: &str| d(a).checked_sub(d(b)).map(|v| v.to_string());
        assert_eq!(
            sub("42150000000", "39620000000").as_deref(),
            Some("2530000000")
        );
        assert_eq!(
            sub("7900000000", "8300000000").as_deref(),
            Some("-400000000")
        );
        assert_eq!(sub("6.4", "1.8").as_deref(), Some("4.6"));
        assert_eq!(sub("0.1", "0.25").as_deref(), Some("-0.15"));
        assert_eq!(sub("3", "3.00").as_deref(), Some("0"));
        // Scaling the other to 38 decimals overflows: no wrong answer, none at all.
        assert_eq!(sub("1e30", "1e-38"), None);
    }

    /// `Decimal::new` as it was written first: trailing zeros dropped in 128 bits.
    fn new_reference(mut mantissa: i128, mut scale: u32) -> Decimal {
        while scale > 0 && mantissa % 10 == 0 {
            mantissa /= 10;
            scale -= 1;
        }
        Decimal { mantissa, scale }
    }

    #[test]
    fn trailing_zeros_drop_alike_on_both_sides_of_64_bits() {
        let edges = [0, 10, -10, i128::from(i64::MAX), i128::from(i64::MIN)];
        let wide = [i128::from(i64::MAX) + 1, i128::from(i64::MIN) - 1];
        let tens = [10i128.pow(18), 10i128.pow(19), -(10i128.pow(30))];
        for m in edges.into_iter().chain(wide).chain(tens) {
            for scale in [0, 1, 9, 20, 38] {
                assert_eq!(
                    Decimal::new(m, scale),
                    new_reference(m, scale),
                    "{m} {scale}"
                );
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn new_drops_trailing_zeros_as_the_128_bit_loop_does(
            m in proptest::prelude::any::<i128>(),
            small in proptest::prelude::any::<i64>(),
            zeros in 0u32..12,
            scale in 0u32..40,
        ) {
            let padded = i128::from(small).checked_mul(10i128.pow(zeros)).unwrap_or(m);
            for m in [m, padded] {
                proptest::prop_assert_eq!(Decimal::new(m, scale), new_reference(m, scale));
            }
        }
    }

    #[test]
    fn parsing_rejects_what_is_not_a_number() {
        for bad in ["", ".", "1.", ".5", "1,000", "1e", "abc", "1.2.3"] {
            assert!(bad.parse::<Decimal>().is_err(), "{bad:?}");
        }
        assert_eq!(d("1e4").to_string(), "10000");
        assert_eq!(d("4.7e9").to_string(), "4700000000");
        assert_eq!(d("-0.05").to_string(), "-0.05");
        assert_eq!(d("25e-2").to_string(), "0.25");
    }
}
