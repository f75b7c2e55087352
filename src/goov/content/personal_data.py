"""JSON schemas of the personal-data fields (persons, subjects)."""

import json


PERSONS_SCHEMA = json.dumps(
    {
        "type": "array",
        "maxItems": 50,
        "items": {
            "type": "object",
            "additionalProperties": False,
            "required": ["name"],
            "properties": {
                "name": {"type": "string", "minLength": 1, "maxLength": 200},
                "birthdate": {
                    "type": "string",
                    "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
                },
                "address": {"type": "string", "maxLength": 300},
                "role": {"type": "string", "maxLength": 100},
            },
        },
    }
)

VIEW_PERSONAL_DATA = "goov.ViewPersonalData"
