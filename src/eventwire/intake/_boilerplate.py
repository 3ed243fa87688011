"""Boilerplate removal from scraped plain text: share/comment/captcha/donation/newsletter lines and site chrome.

Works line by line on whitespace-normalised text. Rules name the *kind* of chrome (a share button, a captcha, a
cookie notice), not a particular site, so they carry over to other news sites. Title, byline, dateline, credit and
"Source:" lines are article evidence and are kept.
"""
from __future__ import annotations

import re

__all__ = ["clean_text", "normalise_whitespace", "is_boilerplate", "is_headline_like", "looks_like_outlet"]

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+")
_ZERO_WIDTH = re.compile(r"[\u200c\u200d\u2060]")

# An arithmetic captcha ("13 + 12 =", "4 x 3 = ?") may have other chrome glued on after it.
_CAPTCHA = re.compile(r"^\s*\d{1,3}\s*[-+x×*÷/]\s*\d{1,3}\s*=\s*(?:\?|\d{1,4})?\s*")
# A standalone heading that introduces links to other stories.
_LEAD_IN = (r"read\ more|read\ also|also\ read|see\ also|related|recommended|more\ on\ this(?:\ story)?"
            r"|related\ (?:articles?|stories|news|posts?|content|topics|coverage)|more\ (?:stories|news)"
            r"|most\ (?:read|popular|viewed)|you\ (?:may|might)\ also\ like|trending(?:\ now)?"
            r"|popular\ (?:now|stories)")
# Whole-line chrome: the line is nothing but this.
_WHOLE_LINE = re.compile(
    r"""^(?:
        [\W_]+                                             # bullets, rules, pipes, stray punctuation
      | (?:print|e-?mail|share|tweet|whatsapp|facebook|twitter|x|linkedin|telegram|reddit|pinterest|copy\ link
          |comments?|reply|like|save|bookmark|listen|advertisement|sponsored|menu|search|home|close|next|previous
          |back\ to\ top|top|more|show\ more|load\ more|loading\.*|like\ this:?|like\ loading\.*)(?:\s*[|/•·]\s*\w+)*
      | \d+\s*min(?:ute)?s?\s+read
      | share\ (?:this|on|via|article|story|post|page)\b.*
      | (?:{LEAD_IN})\s*[:»>.…-]*\s*
      | (?:related|read\ more|also\ read|read\ also|see\ also|more)\s*[:»>|-]\s*.{0,160}
      | tags?\s*:.*
      | filed\ under\s*:?.*
      | \d+\s+comments?
      | (?:photo|image|picture|video)\s*(?:credit)?\s*:.{0,120}
      | .{0,160}\b(?:file\ photo|archive\ photo)\.?
    )$""".replace("{LEAD_IN}", _LEAD_IN),
    re.IGNORECASE | re.VERBOSE,
)
_LEAD_IN_LINE = re.compile(rf"^(?:{_LEAD_IN})\s*[:»>.…-]*$", re.IGNORECASE | re.VERBOSE)
# Calls to action that mark a short line as chrome wherever they occur in it. Kept narrow on purpose: conflict news
# quotes newsletters (IS's al-Naba) and sign-ups (to militias), so a bare "newsletter" is not chrome.
_PHRASES = re.compile(
    r"""(?:
        \bleave\ a\ (?:comment|reply)\b | \bpost\ a\ comment\b | \badd\ (?:a\ )?comment\b | \bcomments?\ are\ closed\b
      | \bfollow\ us\ on\b | \blike\ us\ on\ facebook\b | \bshort\ ?link\s*: | \bpermalink\b
      | \b(?:join|subscribe\ to|sign\ up\ (?:for|to))\ (?:our|the)\b.{0,50}
          \b(?:mailing\ list|newsletters?|alerts|updates)\b
      | \bsubscribe\ (?:now|today|here)\b | \bnewsletter\ sign[- ]?up\b
      | \bmake\ a\ (?:charitable\ )?donation\b | \bdonate\ (?:now|today|here)\b
      | \bsupport\ (?:our|independent)\ journalism\b
      | \bcookies?\ (?:policy|settings|preferences|notice)\b | \b(?:we|this\ (?:web)?site)\ uses?\ cookies\b
      | \baccept\ (?:all\ )?cookies\b
      | \bskip\ to\ (?:main\ )?content\b | \b(?:click|tap)\ here\ to\b | \bdownload\ (?:our|the)\ app\b
      | \byou\ must\ be\ logged\ in\b | \bsolve\ the\ (?:math|sum)\b | \benable\ javascript\b
    )""",
    re.IGNORECASE | re.VERBOSE,
)
# Footer words, chrome only on a very short line ("© 2021 Site", "Privacy Policy | Terms of Use").
_FOOTER = re.compile(r"\ball\ rights\ reserved\b|©|\bcopyright\b", re.IGNORECASE)
# Legal links, chrome only as a link row ("Privacy Policy | Terms of Use"), not inside a sentence.
_LEGAL_ROW = re.compile(
    r"^(?:[\w ]{0,30}[|·•]\s*)*(?:privacy policy|terms of (?:use|service))(?:\s*[|·•][\w ]{0,30})*$",
    re.IGNORECASE,
)
_FOOTER_LINE_WORDS = 12
_SHORT_LINE_WORDS = 25

# Navigation-style section names seen at the top of scraped pages ("World", "Middle East", "Defense News").
_SECTION_WORDS = re.compile(
    r"""^(?:news|world|world\ news|latest|latest\ news|breaking\ news|top\ stories|home|politics|opinion|analysis
      |features?|editorial|middle\ east|africa|europe|asia|americas|international|national|local|region(?:al)?
      |security|defen[cs]e|military|conflict|war|terrorism|human\ rights|business|economy|in\ depth
      |(?:world|latest|breaking|top|local|regional|international|national|business|us|uk|middle\ east)\ news
      |reports?|investigations?|explainers?|interviews?)$""",
    re.IGNORECASE | re.VERBOSE,
)
_ACRONYM_LABEL = re.compile(r"^[A-Z][\w'&,-]*(?: [\w'&,-]+){0,6} \([A-Z]{2,6}\)$")
_BREADCRUMB = re.compile(r"^\w[\w '&-]{0,30}(?:\s*(?:>|»|/|›|\|)\s*\w[\w '&-]{0,30}){1,5}$")


def normalise_whitespace(text: str) -> str:
    """Unify newlines and odd spaces, trim each line, keep at most one blank line between paragraphs."""
    text = _ZERO_WIDTH.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")


def is_boilerplate(line: str) -> bool:
    """Whether a (whitespace-normalised, non-empty) line is site chrome rather than article text."""
    captcha = _CAPTCHA.match(line)
    if captcha:
        rest = line[captcha.end() :].strip()
        return not rest or is_boilerplate(rest)
    if _WHOLE_LINE.match(line):
        return True
    words = len(line.split())
    if words <= _FOOTER_LINE_WORDS and (_FOOTER.search(line) or _LEGAL_ROW.match(line)):
        return True
    return words <= _SHORT_LINE_WORDS and _PHRASES.search(line) is not None


_SENTENCE_BREAK = re.compile(r"(?:[a-z]{2}|\))[.!?][\"”’]?\s+\S")  # "… (Koro, Mopti). [size=…]" ends a sentence too


def is_headline_like(line: str, max_words: int = 20) -> bool:
    """Short, starts with a capital or digit, no sentence-final period and no sentence ending inside it
    ("… farm laws. [size=no report]" is a body line with a trailing note, not a headline)."""
    words = line.split()
    return (1 <= len(words) <= max_words and (line[0].isupper() or line[0].isdigit()) and not line.endswith(".")
            and not _SENTENCE_BREAK.search(line))


_OUTLET_WORDS = re.compile(
    r"\b(?:News|Press|Agency|Times|Post|Reuters|AFP|AP|TV|Radio|Daily|Herald|Journal|Tribune|Online|Media|Network"
    r"|Monitor|Observer|Gazette|Telegraph|Wire|Service|Broadcasting|Channel|Report|Today|Al-\w+|Al\s\w+)\b"
)


def looks_like_outlet(line: str) -> bool:
    """A short line naming a news outlet: 'ARA News', 'Kurdistan 24', 'SOHR', 'AFP'."""
    words = line.split()
    if not 1 <= len(words) <= 4 or not all(w[0].isupper() or w[0].isdigit() for w in words):
        return False
    is_acronym = len(words) == 1 and line.isupper() and 2 <= len(line) <= 6
    return is_acronym or _OUTLET_WORDS.search(line) is not None


def _is_section_label(line: str, following: str) -> bool:
    """A nav category above the headline: a known section name, 'Name (ACRONYM)', a breadcrumb trail, or one or two
    capitalised words sitting over a full headline."""
    if len(line.split()) > 7 or line.endswith((".", "?", "!", ":")):
        return False
    if _SECTION_WORDS.match(line) or _ACRONYM_LABEL.match(line) or _BREADCRUMB.match(line):
        return True
    if looks_like_outlet(line):
        return False  # an outlet line is evidence of the source
    short_label = len(line.split()) <= 2 and all(w[0].isupper() for w in line.split())
    return short_label and len(following.split()) >= 4


def _drop_section_labels(lines: list[str]) -> list[str]:
    """Drop nav-style category lines among the first three lines, each only when a headline-like line follows."""
    content = [i for i, line in enumerate(lines) if line]
    for pos, i in enumerate(content[:3]):
        following = lines[content[pos + 1]] if pos + 1 < len(content) else ""
        if following and is_headline_like(following) and _is_section_label(lines[i], following):
            lines[i] = ""  # blank, not removed: keeps indexes of `content` valid
    return lines


def _trailing_cut(lines: list[str]) -> int:
    """Index where trailing chrome starts: the first chrome line after which only chrome or link-like lines follow."""
    cut = len(lines)
    for i in range(len(lines) - 1, -1, -1):
        line = lines[i]
        if not line:
            continue
        if is_boilerplate(line):
            cut = i
        elif _is_credit(line) or not is_headline_like(line, max_words=14):
            break
    return cut


_CREDIT = re.compile(r"^(?:source|sources|reporting|reported|written|writing|editing|edited|additional reporting|by)\b",
                     re.IGNORECASE)


def _is_credit(line: str) -> bool:
    return _CREDIT.match(line) is not None


def _drop_lead_in_links(lines: list[str]) -> list[str]:
    """A "Read more" / "Related" heading takes the headline-like link line that follows it along."""
    out: list[str] = []
    linking = False
    for line in lines:
        if not line:
            out.append(line)
        elif _LEAD_IN_LINE.match(line):
            linking = True
        elif linking and is_headline_like(line, max_words=14):
            linking = False
        else:
            linking = False
            out.append(line)
    return out


# A page flattened to one line keeps its link and tag lists after the last sentence: "… so far. 014 Related Blast
# Occurs at Syrian Army Checkpoint … Tags bombing explosion … Comment via Facebook". The lead-in, capitalised as a
# heading is, and its counter ("014" views) start the cut; the list's headlines are other stories, not this one's.
_INLINE_LEAD_IN = re.compile(r"(?:\s\d[\d,]*)*\s(?:Related|Tags|Topics?|Read [Mm]ore|Read [Aa]lso|See [Aa]lso|"
                             r"More on this story|Most [Rr]ead)\b(?=(?:\s+\S+){3})")
_LAST_SENTENCE_END = re.compile(r"[.!?][\"”’)\]]*(?=\s|$)")


def _drop_inline_tail(line: str) -> str:
    """The line without a link or tag list run on after its last sentence (see _INLINE_LEAD_IN)."""
    ends = [m.end() for m in _LAST_SENTENCE_END.finditer(line)]
    if not ends:
        return line
    tail = _INLINE_LEAD_IN.search(line, ends[-1] - 1)
    return line[: tail.start()] if tail else line


def clean_text(text: str) -> str:
    """The article's clean text: whitespace normalised, chrome lines dropped, trailing chrome block cut."""
    lines = normalise_whitespace(text).split("\n")
    lines = lines[: _trailing_cut(lines)]
    if lines:
        lines[-1] = _drop_inline_tail(lines[-1])
    # Dropped lines vanish (rather than become blank) so a hard-wrapped paragraph stays one block.
    kept = _drop_section_labels([line for line in _drop_lead_in_links(lines) if not line or not is_boilerplate(line)])
    return re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()
