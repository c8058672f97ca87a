"""The examples in /api/v1/openapi.json: one per request body and per answer, shown on /api/v1/docs.

Written by hand per schema (by its component name), each with its own fields only: the fields that are other
schemas are filled in from those schemas' examples, so an idea's organisation reads the same everywhere.
tests/api/test_openapi_contract.py checks that every operation has them and that each one fits its schema,
so a field added without an example fails there.
"""

PAGE = {"count": 48, "page": 1, "page_size": 20, "pages": 3, "previous": None}
WHEN = "2026-03-02T09:15:00+01:00"
IDEA_URL = "/ideer/42/"
METHOD_URL = "https://idebanken.dk/metoder/fast-kontaktperson/"

# Shared by the list row and the detail (or the saved answer), which only add fields.
IDEA = {
    "id": 42,
    "title": "Fast ven i weekenden",
    "url": IDEA_URL,
    "stage": "tried",
    "status": "published",
    "votes": 12,
    "comments": 3,
    "tags": ["efterværn", "frivillige"],
    "created": WHEN,
    "published": WHEN,
    "voted": False,
}
ADOPTION = {
    "id": 21,
    "method": 9,
    "idea": None,
    "status": "piloting",
    "started": "2026-01-05",
    "stopped_reason": None,
    "url": "https://idebanken.dk/udbredelse/ibrugtagning/21/",
}
BUSINESS_CASE = {
    "method": 9,
    "cost_per_citizen": 20000.0,
    "horizon_years": 10,
    "discount_rate": 0.035,
    "citizens": 100,
    "warnings": [],
}
OUTCOME = {
    "period_start": "2026-01-01",
    "period_end": "2026-03-31",
    "citizens_reached": 14,
    "citizens_asked": 12,
    "citizens_helped": 9,
    "note": "To unge flyttede undervejs.",
}
ENCOUNTER = {
    "id": 301,
    "adoption": 21,
    "met_on": "2026-03-02",
    "answer": "helped",
    "needed": "",
    "source": "staff",
    "uuid": "0b9f5a52-3c1e-4c43-9d1e-0a4c2e7f1b11",
}

EXAMPLES = {
    # accounts and reference data
    "TokenRequest": {"email": "anne@aarhus.dk", "password": "demo-idebanken-2026", "name": "Sagssystem"},
    "TokenOut": {"token": "wagtail_7Jq2x…"},
    "ProfileIn": {"display_name": "Anne Holm", "job_title": "Socialrådgiver", "language": "da"},
    "MeOut": {
        "id": 7,
        "email": "anne@aarhus.dk",
        "display_name": "Anne Holm",
        "job_title": "Socialrådgiver",
        "language": "da",
        "role": "medarbejder",
    },
    "OrganisationOut": {
        "id": 3,
        "name": "Aarhus Kommune",
        "slug": "aarhus-kommune",
        "kind": "kommune",
        "municipality_code": 751,
        "region_code": 1082,
    },
    "PersonalDataOut": {},
    "ExportInfoOut": {"service": "Idébanken", "format_version": 1, "created": WHEN, "user_id": 7},
    "MunicipalityOut": {"code": 751, "name": "Aarhus", "region_code": 1082, "region_name": "Region Midtjylland"},
    "TermOut": {
        "id": 2,
        "name": "Unge i efterværn",
        "slug": "unge-i-efterværn",
        "description": "Unge mellem 18 og 23 år, der har været anbragt.",
    },
    "NamedOut": {"slug": "aarhus-kommune", "name": "Aarhus Kommune"},
    "AuthorOut": {"display_name": "Anne Holm"},
    "RegionOut": {"code": 1082, "name": "Region Midtjylland"},
    # search
    "FacetedPage_SearchHitOut_": {
        **PAGE,
        "next": "/api/v1/search?q=ensomhed&page=2",
        "facets": {"type": [{"value": "idea", "label": "Idéer", "count": 41}]},
    },
    "SearchHitOut": {
        "type": "idea",
        "id": 42,
        "title": "Fast ven i weekenden",
        "url": IDEA_URL,
        "snippet": "Unge i efterværn er mest <mark>ensomme</mark> i weekenden …",
        "score": 7.3,
    },
    "SuggestionsOut": {},
    "SuggestionOut": {"id": 42, "title": "Fast ven i weekenden", "url": IDEA_URL},
    "SimilarPageOut": {},
    "SimilarOut": {"id": 17, "title": "Weekendvenner for unge", "url": "/ideer/17/", "score": 0.82},
    # ideas
    "FacetedPage_IdeaOut_": {
        **PAGE,
        "next": "/api/v1/ideas?tag=efterv%C3%A6rn&page=2",
        "facets": {
            "tag": [{"value": "efterværn", "label": "efterværn", "count": 12}],
            "stage": [{"value": "tried", "label": "Afprøvet", "count": 5}],
        },
    },
    "FacetValueOut": {"value": "efterværn", "label": "efterværn", "count": 12},
    "IdeaIn": {
        "title": "Fast ven i weekenden",
        "problem": "Unge i efterværn er mest alene i weekenden, når kontoret er lukket.",
        "solution": "En frivillig ven, de selv har valgt, ringer fredag og ses lørdag.",
        "context": "Afprøvet i to bydele med 14 unge.",
        "results": "",
        "target_groups": ["unge-i-efterværn"],
        "themes": ["ensomhed"],
        "tags": ["efterværn", "frivillige"],
        "status": "published",
    },
    "IdeaPatch": {"title": "Fast ven i weekenden og på helligdage", "tags": ["efterværn", "frivillige"]},
    "IdeaOut": IDEA,
    "IdeaDetailOut": {
        **IDEA,
        "problem": "Unge i efterværn er mest alene i weekenden, når kontoret er lukket.",
        "solution": "En frivillig ven, de selv har valgt, ringer fredag og ses lørdag.",
        "context": "Afprøvet i to bydele med 14 unge.",
        "results": "11 af 14 siger, at weekenden er blevet lettere.",
        "method": None,
        "merged_into": None,
        "following": False,
        "can_edit": False,
    },
    "PromotedMethodOut": {"id": 9, "title": "Fast kontaktperson", "url": METHOD_URL, "status": "live"},
    "TriedOut": {
        "id": 5,
        "tried_from": "2025-09-01",
        "tried_to": "2026-02-28",
        "what_happened": "Vi prøvede det med seks unge; fem fortsatte.",
        "created": WHEN,
    },
    "AttachmentOut": {
        "id": 8,
        "name": "drejebog.pdf",
        "type": "pdf",
        "size": 183204,
        "url": "/materialer/8/drejebog.pdf",
        "description": "Drejebogen for de frivillige",
        "pages": 4,
        "width": None,
        "height": None,
        "thumbnail": "/materialer/8/forside.webp",
        "created": WHEN,
    },
    "VoteOut": {"votes": 13, "voted": True},
    "CommentIn": {"body": "Det prøver vi også i Randers. Hvordan fandt I de frivillige?", "parent": None},
    "CommentOut": {
        "id": 31,
        "parent": None,
        "depth": 1,
        "body": "Det prøver vi også i Randers. Hvordan fandt I de frivillige?",
        "status": "visible",
        "created": WHEN,
        "edited": False,
        "edited_at": None,
    },
    "ReportIn": {"reason": "personal_data", "note": "Nævner en borgers fulde navn."},
    "ReportOut": {"id": 4, "reason": "personal_data", "note": "Nævner en borgers fulde navn.", "created": WHEN},
    "TriedIn": {
        "tried_from": "2025-09-01",
        "tried_to": "2026-02-28",
        "what_happened": "Vi prøvede det med seks unge; fem fortsatte.",
    },
    "FollowIn": {"kind": "tag", "value": "efterværn"},
    "FollowOut": {"kind": "tag", "value": "efterværn", "label": "efterværn", "created": WHEN},
    # methods
    "FacetedPage_MethodOut_": {
        **PAGE,
        "next": "/api/v1/methods?page=2",
        "facets": {"effekt": [{"value": "B", "label": "B", "count": 4}]},
    },
    "DeclarationLevelsOut": {"maalgruppe": "A", "metode": "B", "implementering": "B", "effekt": "C", "oekonomi": None},
    "MethodOut": {"id": 9, "title": "Fast kontaktperson", "url": METHOD_URL, "stage": "method", "adoptions": 6},
    "MethodDetailOut": {
        "id": 9,
        "title": "Fast kontaktperson",
        "url": METHOD_URL,
        "stage": "method",
        "declaration": {
            "maalgruppe": {"level": "A", "justification": "Målgruppen er afgrænset og beskrevet."},
            "effekt": {"level": "C", "justification": "Før-efter-målinger i tre kommuner."},
        },
        "adoptions": 6,
        "summary": "Hver ung får en fast voksen i to år efter anbringelsen.",
        "tags": ["efterværn"],
    },
    "DeclarationOut": {"level": "A", "justification": "Målgruppen er afgrænset og beskrevet."},
    "OriginIdeaOut": {"id": 42, "title": "Fast ven i weekenden", "url": IDEA_URL, "author": "Anne Holm"},
    "ResearchOut": {
        "title": "Efterværn og fast voksenkontakt",
        "authors": "VIVE",
        "year": 2023,
        "link": "https://www.vive.dk/",
        "design": "quasi",
        "findings": "Flere i uddannelse efter to år.",
    },
    "IndicatorOut": {"id": 1, "name": "Unge i uddannelse eller job", "unit": "procent", "direction": "up"},
    "AssessmentIn": {
        "scores": {
            "problem": {"score": 3, "justification": "Velbeskrevet problem."},
            "evidence": {"score": 2, "justification": "Før-efter-tal fra to kommuner."},
        },
        "conclusion": "promising",
    },
    "AssessmentOut": {
        "id": 4,
        "conclusion": "promising",
        "suggested": "promising",
        "created": WHEN,
        "assessor": "Karen Lund",
        "scores": {"problem": {"score": 3, "justification": "Velbeskrevet problem."}},
    },
    "ScoreOut": {"score": 3, "justification": "Velbeskrevet problem."},
    "PromoteIn": {"method": None},
    "PromotionOut": {},
    "PromotedOut": {"id": 9, "url": None, "status": "draft"},
    # spread
    "AdoptionIn": {"status": "piloting", "started": "2026-01-05", "contact": "anne@aarhus.dk", "reason": ""},
    "AdoptionPatch": {"status": "implemented", "changed_on": "2026-06-01", "reason": "Pilotfasen gik godt."},
    "AdoptionOut": ADOPTION,
    "AdoptionDetailOut": ADOPTION,
    "AdoptingOrganisationOut": {
        "slug": "aarhus-kommune",
        "name": "Aarhus Kommune",
        "kind": "kommune",
        "municipality": 751,
    },
    "ContactOut": {"id": 7, "display_name": "Anne Holm", "job_title": "Socialrådgiver"},
    "StatusChangeOut": {"status": "piloting", "changed_on": "2026-01-05", "reason": None},
    "PaymentByResultsOut": {"total": 84000.0},
    "IndicatorPaymentOut": {
        "id": 1,
        "name": "Unge i uddannelse eller job",
        "counting": "share",
        "reports": 2,
        "latest": 0.64,
        "target": 0.6,
        "target_reached": True,
        "achieved": 0.64,
        "price": 84000.0,
        "payment": 84000.0,
    },
    "OutcomeIn": {**OUTCOME, "indicators": {"1": {"baseline": 48, "current": 64}}, "cost_per_citizen": 21500},
    "IndicatorIn": {"baseline": 48, "current": 64},
    "OutcomeReportOut": {
        "id": 11,
        "adoption": 21,
        **OUTCOME,
        "indicators": {"1": {"baseline": 48.0, "current": 64.0}},
        "cost_per_citizen": 21500.0,
    },
    "IndicatorValueOut": {"baseline": 48.0, "current": 64.0},
    "Page_MethodSpreadOut_": {**PAGE, "next": "/api/v1/spread?page=2"},
    "MethodSpreadOut": {"total": 6, "in_use": 5, "id": 9, "title": "Fast kontaktperson", "url": METHOD_URL},
    "SpreadOut": {"total": 6, "in_use": 5},
    "StatusCountsOut": {"considering": 1, "piloting": 2, "implemented": 3, "stopped": 0},
    "RegionSpreadOut": {"code": 1082, "name": "Region Midtjylland"},
    "TimelinePointOut": {
        "date": "2026-01-05",
        "registered": 6,
        "in_use": 5,
        "considering": 1,
        "piloting": 2,
        "implemented": 3,
        "stopped": 0,
    },
    "OutcomesOut": {
        "reports": 4,
        "citizens_reached": 52,
        "citizens_asked": 44,
        "citizens_helped": 31,
        "cost_per_citizen": 21000.0,
    },
    "ShareOut": {"helped": 31, "asked": 44, "value": 0.7, "interval_95": [0.56, 0.82]},
    "IndicatorOutcomeOut": {
        "id": 1,
        "name": "Unge i uddannelse eller job",
        "unit": "procent",
        "direction": "up",
        "organisations": 3,
        "baseline": 48.0,
        "current": 61.0,
        "change": 13.0,
    },
    "OrganisationOutcomeOut": {
        "adoption": 21,
        "status": "implemented",
        "reports": 2,
        "citizens_reached": 26,
        "cost_per_citizen": 21500.0,
    },
    # encounters
    "EncounterIn": {
        "answer": "helped",
        "met_on": "2026-03-02",
        "needed": "",
        "uuid": "0b9f5a52-3c1e-4c43-9d1e-0a4c2e7f1b11",
    },
    "EncounterOut": ENCOUNTER,
    "BulkIn": {},
    "EncounterBatchOut": {"created": 1, "repeated": 0},
    "RecordedEncounterOut": {**ENCOUNTER, "created": True},
    "EncounterSummaryOut": {
        "asked": 44,
        "helped": 27,
        "partly": 8,
        "not_helped": 6,
        "declined": 3,
        "share_helped": 0.61,
        "ci_low": 0.46,
        "ci_high": 0.75,
        "from": "2026-01-01",
        "to": "2026-03-31",
        "exact": True,
    },
    "CitizenCodeOut": {
        "code": "K7P-4QX",
        "url": "https://idebanken.dk/svar/K7P-4QX/",
        "qr_svg": "<svg xmlns='http://www.w3.org/2000/svg' …>",
        "expires": "2026-03-03T09:15:00+01:00",
    },
    "OutcomeDraftOut": {
        "period_start": "2026-01-01",
        "period_end": "2026-03-31",
        "citizens_reached": None,
        "citizens_asked": 41,
        "citizens_helped": 27,
        "encounters": 44,
        "declined": 3,
        "overlaps_reported_period": False,
        "indicators": {},
        "cost_per_citizen": None,
        "note": "",
    },
    # business case
    "BusinessCaseIn": {
        "cost_per_citizen": 20000,
        "cost_source": "Kommunens regnskab 2025",
        "horizon_years": 10,
        "discount_rate": 0.035,
        "effects": [
            {
                "label": "Undgået anbringelse",
                "value_per_year": 8000,
                "share": 0.25,
                "years": 8,
                "source": "https://www.vive.dk/",
            },
            {"label": "I uddannelse", "value_per_year": 3000, "share": "measured", "years": 4, "source": None},
        ],
        "factors": {"low": 0.5, "expected": 1, "high": 1.5},
    },
    "BusinessCaseOut": BUSINESS_CASE,
    "BusinessCaseSavedOut": {**BUSINESS_CASE, "flags": []},
    "CostSourceOut": {"from": "editor", "text": "Kommunens regnskab 2025", "reports": 0},
    "FactorsOut": {"low": 0.5, "expected": 1.0, "high": 1.5},
    "EffectOut": {
        "label": "Undgået anbringelse",
        "value_per_year": 8000.0,
        "share": 0.25,
        "share_from": "typed",
        "years": 8,
        "sourced": True,
    },
    "EffectSourceOut": {"research": None, "link": "https://www.vive.dk/"},
    "ResearchRefOut": {"id": 3, "title": "Efterværn og fast voksenkontakt", "year": 2023, "link": None},
    "MeasuredShareOut": {"helped": 31, "asked": 44},
    "ScenariosOut": {},
    "ScenarioOut": {
        "factor": 1.0,
        "share": 0.25,
        "benefit_per_citizen": 12400.0,
        "npv_per_citizen": -7600.0,
        "npv_total": -760000.0,
        "payback_years": None,
        "break_even_share": 0.41,
        "cumulative": [-20000.0, -18100.0, -16260.0],
    },
    "FieldFlagOut": {"field": "effects[1].source", "msg": "Kilde: effekten har ingen kilde."},
    # notifications and open data
    "NotificationPage": {**PAGE, "count": 2, "pages": 1, "next": None, "unread": 1},
    "NotificationOut": {
        "id": 90,
        "verb": "comment",
        "text": "Jens Berg kommenterede din idé",
        "actor": "Jens Berg",
        "created": WHEN,
        "read": False,
    },
    "NotificationIdea": {"id": 42, "title": "Fast ven i weekenden", "url": IDEA_URL},
    "ReadIn": {"ids": [90, 91]},
    "ReadOut": {"unread": 0},
    "OpenDataOut": {
        "export": "ideas",
        "columns": ["id", "title", "stage", "votes"],
        "rows": [{"id": 42, "title": "Fast ven i weekenden", "stage": "tried", "votes": 12}],
    },
}

CSV_EXAMPLE = "id,title,stage,votes\r\n42,Fast ven i weekenden,tried,12\r\n"
MULTIPART_EXAMPLE = {"file": "drejebog.pdf", "description": "Drejebogen for de frivillige"}


def component_name(schema):
    return schema.get("$ref", "").rsplit("/", 1)[-1] or None


def example_of(schema, components):
    """The example for a schema node: a named schema's own example with its nested schemas filled in, a list
    of one, or None when there is no example to give."""
    name = component_name(schema)
    if name is not None:
        if name not in EXAMPLES:
            return None
        example = dict(EXAMPLES[name])
        for field, node in components[name].get("properties", {}).items():
            if field not in example:
                nested = example_of(node, components)
                if nested is not None:
                    example[field] = nested
        return example
    if schema.get("type") == "array":
        item = example_of(schema.get("items", {}), components)
        return None if item is None else [item]
    for option in schema.get("anyOf", ()):
        found = example_of(option, components)
        if found is not None:
            return found
    return None


def add_examples(schema):
    """Put the example on every request body and every 2xx answer of the schema (a dict) and return it."""
    components = schema.get("components", {}).get("schemas", {})
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            bodies = [operation.get("requestBody", {})]
            bodies += [answer for status, answer in operation["responses"].items() if str(status).startswith("2")]
            for body in bodies:
                for media_type, media in body.get("content", {}).items():
                    if media_type == "text/csv":
                        media["example"] = CSV_EXAMPLE
                    elif media_type == "multipart/form-data":
                        media["example"] = MULTIPART_EXAMPLE
                    else:
                        example = example_of(media.get("schema", {}), components)
                        if example is not None:
                            media["example"] = example
    return schema
