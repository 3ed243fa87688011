import eventwire


def test_public_api_is_pinned():
    assert sorted(eventwire.__all__) == [
        "Actor", "Article", "Attribution", "Defection", "Event", "Fatalities", "Location", "Pipeline", "Span",
        "TimeSpan", "article_from_html", "article_from_text", "extract", "iter_articles",
    ]
    for name in eventwire.__all__:
        assert getattr(eventwire, name) is not None


def test_settings_are_documented_in_readme():
    from pathlib import Path

    from eventwire.settings import SETTINGS

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text()
    for name in SETTINGS:
        assert name in readme, f"setting {name} missing from README"
