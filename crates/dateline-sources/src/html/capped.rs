//! JSON-LD read into a `serde_json::Value` with its `liveBlogUpdate` lists cut at a limit.
//!
//! A page may list a million updates in its machine data; `--max-posts` keeps at most so many
//! posts, so the updates past it are skipped while the JSON is read (`IgnoredAny`, never built),
//! and only their number is kept, for the warning that says how many were left out. Memory stays
//! within a small multiple of the page whatever the lists hold.
//!
//! Written with serde's `DeserializeSeed` because `serde_json::Value`'s own `Deserialize` builds
//! every element, and no crate builds a value with some arrays cut.

use std::fmt;

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

/// The key, beside a cut `liveBlogUpdate`, that holds how many updates were skipped. A page's
/// own key of that name is dropped while reading, so only the reader sets it.
pub(crate) const SKIPPED: &str = "\u{0}dateline:skippedUpdates";

/// Reads `text` as one JSON value with every `liveBlogUpdate` array cut after `cap` elements.
pub(crate) fn from_str(text: &str, cap: usize) -> serde_json::Result<Value> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let value = Capped {
        cap: None,
        updates: cap,
    }
    .deserialize(&mut deserializer)?;
    deserializer.end()?;
    Ok(value)
}

/// The first whole JSON value of `text`, whatever follows it (a stray `}` after the object, as
/// templates leave), read the same way: `None` when the text does not open with one.
pub(crate) fn first_value(text: &str, cap: usize) -> Option<Value> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    Capped {
        cap: None,
        updates: cap,
    }
    .deserialize(&mut deserializer)
    .ok()
}

/// A value whose arrays keep at most `cap` elements (`None`: all), and whose `liveBlogUpdate`
/// arrays at most `updates`.
#[derive(Debug, Clone, Copy)]
struct Capped {
    cap: Option<usize>,
    updates: usize,
}

impl<'de> DeserializeSeed<'de> for Capped {
    type Value = Value;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Capped {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Number::from_f64(v).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        self.deserialize(deserializer)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let inner = Capped {
            cap: None,
            updates: self.updates,
        };
        let mut values = Vec::new();
        let mut skipped: u64 = 0;
        loop {
            if self.cap.is_some_and(|cap| values.len() >= cap) {
                match seq.next_element::<IgnoredAny>()? {
                    Some(_) => skipped += 1,
                    None => break,
                }
            } else {
                match seq.next_element_seed(inner)? {
                    Some(value) => values.push(value),
                    None => break,
                }
            }
        }
        if skipped > 0 {
            // Carried to the map that holds the array, which files it under `SKIPPED`.
            values.push(Value::Object(Map::from_iter([(
                SKIPPED.to_owned(),
                Value::Number(skipped.into()),
            )])));
        }
        Ok(Value::Array(values))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut values = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if key == SKIPPED {
                map.next_value::<IgnoredAny>()?;
                continue;
            }
            let updates = key == "liveBlogUpdate";
            let seed = Capped {
                cap: updates.then_some(self.updates),
                updates: self.updates,
            };
            let mut value = map.next_value_seed(seed)?;
            if updates && let Value::Array(list) = &mut value {
                let skipped = list
                    .last()
                    .and_then(|last| last.get(SKIPPED))
                    .and_then(Value::as_u64);
                if let Some(skipped) = skipped {
                    list.pop();
                    values.insert(SKIPPED.to_owned(), Value::Number(skipped.into()));
                }
            }
            values.insert(key, value);
        }
        Ok(Value::Object(values))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn updates_past_the_cap_are_counted_not_kept() {
        let json = r#"{"@type":"LiveBlogPosting","liveBlogUpdate":[{"a":1},{"a":2},{"a":3}],
                      "other":[1,2,3,4]}"#;
        let value = from_str(json, 2).unwrap_or_default();
        assert_eq!(value["liveBlogUpdate"].as_array().map(Vec::len), Some(2));
        assert_eq!(value[SKIPPED].as_u64(), Some(1));
        assert_eq!(value["other"].as_array().map(Vec::len), Some(4));
        // Within the cap, the value is what serde_json reads.
        let plain: Value = serde_json::from_str(json).unwrap_or_default();
        assert_eq!(from_str(json, 3).unwrap_or_default(), plain);
    }

    #[test]
    fn a_page_cannot_set_the_count_itself() {
        let json = format!(
            r#"{{"{}":5,"liveBlogUpdate":[]}}"#,
            "\\u0000dateline:skippedUpdates"
        );
        let value = from_str(&json, 2).unwrap_or_default();
        assert_eq!(value.get(SKIPPED), None);
    }
}
