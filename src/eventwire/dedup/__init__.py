"""Cross-article merging: reports of the same real-world event become one event with all its sources."""
from eventwire.dedup.merge import (
    Apart,
    Match,
    Mention,
    article_leads,
    cluster,
    event_id_of,
    match,
    match_graph,
    member_scores,
    merge_mentions,
    mention_of,
    mention_window,
    place_relation,
    same_event,
)

__all__ = ["Apart", "Match", "Mention", "article_leads", "cluster", "event_id_of", "match", "match_graph", "member_scores",
           "merge_mentions", "mention_of", "mention_window", "place_relation", "same_event"]
