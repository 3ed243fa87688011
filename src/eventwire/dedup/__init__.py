"""Cross-article merging: reports of the same real-world event become one event with all its sources."""
from eventwire.dedup.merge import (
    Mention,
    cluster,
    event_id_of,
    merge_mentions,
    mention_of,
    mention_window,
    same_event,
)

__all__ = ["Mention", "cluster", "event_id_of", "merge_mentions", "mention_of", "mention_window", "same_event"]
