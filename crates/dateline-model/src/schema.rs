//! The JSON Schema of the contract, generated from the types (feature `schema`).

use schemars::generate::SchemaSettings;

use crate::{FORMAT_VERSION, Timeline};

/// The `$id` of the schema of [`FORMAT_VERSION`]: the contract's version is part of the name.
pub const SCHEMA_ID: &str = "https://example.invalid/dateline/schema/timeline.v1.schema.json";

/// The JSON Schema (draft 2020-12) of a [`Timeline`] as the `json` format writes it.
///
/// It describes the serialized shape: every field is required (absent values are `null`), and
/// `version` is fixed to [`FORMAT_VERSION`]. Consumers must still ignore unknown fields, so the
/// schema does not forbid them. The value is the same on every run.
pub fn json_schema() -> serde_json::Value {
    let generator = SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator();
    let mut schema = generator.into_root_schema_for::<Timeline>();
    schema.insert("$id".to_owned(), SCHEMA_ID.into());
    schema.insert(
        "title".to_owned(),
        format!("dateline timeline, JSON contract version {FORMAT_VERSION}").into(),
    );
    if let Some(version) = schema
        .get_mut("properties")
        .and_then(|p| p.get_mut("version"))
        .and_then(|v| v.as_object_mut())
    {
        version.insert("const".to_owned(), FORMAT_VERSION.into());
    }
    schema.to_value()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_id_names_the_contract_version() {
        assert!(SCHEMA_ID.ends_with(&format!("timeline.v{FORMAT_VERSION}.schema.json")));
        let schema = json_schema();
        assert_eq!(schema["$id"], SCHEMA_ID);
        assert_eq!(schema["properties"]["version"]["const"], FORMAT_VERSION);
    }
}
