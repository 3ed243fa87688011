"""Event detection and typing: triggers, arguments, defections, the learned sub-type classifier."""
