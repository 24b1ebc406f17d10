"""Stage 3, render: the workbook's two colours, made readable in both of the site's colour schemes.

A forker picks one primary and one accent colour (workbook.yml, `theme`). Used as text they must
reach WCAG AA's 4.5:1 against the page: a dark green that reads well on white is 2.1:1 on the dark
scheme's background. `readable` mixes a colour toward white (on a dark page) or black (on a light
one) only as far as it needs, so the forker's hue is kept. Pure: colours in, colours out.
"""

from __future__ import annotations

LIGHT_PAGE = "#ffffff"  # Material's default scheme
DARK_PAGE = "#1e2129"  # Material's slate scheme (hsl(232, 15%, 14%))
AA_TEXT = 4.5
MARGIN = 0.1  # stay a little above the line, so rounding in a browser never drops below it


def _rgb(colour: str) -> tuple[float, float, float]:
    h = colour.lstrip("#")
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    return (int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16))


def _hex(rgb: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{round(c):02x}" for c in rgb)


def luminance(colour: str) -> float:
    """Relative luminance (WCAG 2)."""

    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in _rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def readable(colour: str, page: str, target: float = AA_TEXT + MARGIN) -> str:
    """`colour`, mixed toward white or black in small steps until it reaches `target` against `page`."""
    toward = (255.0, 255.0, 255.0) if luminance(page) < 0.5 else (0.0, 0.0, 0.0)
    start = _rgb(colour)
    for step in range(21):
        mix = step / 20
        r, g, b = (s + (t - s) * mix for s, t in zip(start, toward, strict=True))
        candidate = _hex((r, g, b))
        if contrast(candidate, page) >= target:
            return candidate
    return _hex(toward)


def theme_css(primary: str, accent: str) -> str:
    """The palette for the engine: the colours as given where they fill (the header), and readable
    tints where they are text (links, outline buttons, the current page in the navigation)."""
    light_text, dark_text = readable(primary, LIGHT_PAGE), readable(primary, DARK_PAGE)
    light_accent, dark_accent = readable(accent, LIGHT_PAGE), readable(accent, DARK_PAGE)
    return (
        "/* Generated from content/workbook.yml (theme): edit the colours there. Text colours are the\n"
        "   theme's, mixed toward white or black until they read at 4.5:1 on each scheme's page. */\n"
        ':root, [data-md-color-scheme="default"] {\n'
        f"  --md-primary-fg-color: {primary};\n  --md-primary-fg-color--dark: {primary};\n"
        f"  --md-accent-fg-color: {accent};\n  --wb-accent: {light_accent};\n"
        f"  --md-typeset-a-color: {light_text};\n  --wb-text-primary: {light_text};\n}}\n"
        '[data-md-color-scheme="slate"] {\n'
        f"  --md-primary-fg-color: {primary};\n  --md-accent-fg-color: {dark_accent};\n  --wb-accent: {dark_accent};\n"
        f"  --md-typeset-a-color: {dark_text};\n  --wb-text-primary: {dark_text};\n}}\n"
        "/* Outline buttons and the current page are text in the theme colour. */\n"
        ".md-typeset .md-button:not(.md-button--primary), .md-nav__link--active, .md-nav__link--active code {\n"
        "  color: var(--wb-text-primary);\n}\n"
        ".md-typeset .md-button:not(.md-button--primary) { border-color: var(--wb-text-primary); }\n"
    )
