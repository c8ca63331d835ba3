"""What a template is, and small writers every template family shares (hashtags, links, lines)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from leakwatch.synth.context import Ctx, MsgLang
from leakwatch.synth.pools import Lang

Polarity = Literal["leak", "negative", "chatter"]
HANDLES = (
    "admin_iq",
    "fadaih_bot",
    "iraq_news_bot",
    "contact_admin",
    "news_iq24",
    "krd_news",
    "tip_line_bot",
)
CHANNEL_LINKS = (
    "https://t.me/fadaih_baghdad",
    "https://t.me/iraq_now_news",
    "https://t.me/kurdistan247",
    "t.me/basra_news",
    "https://t.me/joinchat/AAAAAEx3c2",
    "https://t.me/+Qk3mZx9LrA",
)


@dataclass(frozen=True, slots=True)
class Template:
    """One message template: `write` fills a `Ctx`; `kind` is the label family it produces."""

    id: str
    kind: str
    lang: MsgLang
    polarity: Polarity
    write: Callable[[Ctx], None]


def hashtag(ctx: Ctx, tag: str) -> None:
    ctx.b.styled("#" + tag, "hashtag")


def link(ctx: Ctx, url: str | None = None) -> None:
    ctx.b.styled(url or ctx.pick(CHANNEL_LINKS), "link")


def mention(ctx: Ctx) -> None:
    ctx.b.styled("@" + ctx.pick(HANDLES), "mention")


def maybe_line(ctx: Ctx, choices: tuple[str, ...], p: float, after: bool = False) -> None:
    """With probability `p`, add one of `choices` as its own line (before or after the body)."""
    if not ctx.chance(p):
        return
    text = ctx.pick(choices)
    if not text:
        return
    if after:
        ctx.b.add(ctx.br() + text)
    else:
        ctx.b.add(text + ctx.br())


def signoff(ctx: Ctx, p: float = 0.15) -> None:
    """Channel sign-offs: a link, a mention or a couple of emoji."""
    if not ctx.chance(p):
        return
    r = ctx.rng.random()
    ctx.b.add("\n")
    if r < 0.4:
        link(ctx)
    elif r < 0.7:
        mention(ctx)
    else:
        ctx.b.add(ctx.pick(("🔻🔻", "✅", "📢", "🇮🇶", "☝️", "👆👆")))


def bind_lang(
    fn: Callable[[Ctx, Lang], None], lang: Lang, variant: int | None = None
) -> Callable[[Ctx], None]:
    """`fn` with its language (and phrasing variant, see `Ctx.vpick`) fixed, as a `write`."""

    def write(ctx: Ctx) -> None:
        ctx.variant = variant
        fn(ctx, lang)

    return write


Family = Callable[[Ctx, Lang], None]
MixedWriter = Callable[[Ctx, Family], None]
LANGS: tuple[Lang, ...] = ("ar", "ku", "en")
#: Two phrasing variants per family and language (see `Ctx.vpick`); the holdout split then
#: keeps one of them unseen instead of dropping the whole (kind, language) cell.
VARIANTS = (0, 1)


def _bind_mixed(mixed: MixedWriter, fn: Family, variant: int) -> Callable[[Ctx], None]:
    def write(ctx: Ctx) -> None:
        ctx.variant = variant
        mixed(ctx, fn)

    return write


def family_templates(
    families: dict[str, tuple[str, Family]],
    polarity: Polarity,
    mixed: MixedWriter | None = None,
    mixed_names: tuple[str, ...] = (),
) -> list[Template]:
    """One template per family, language and phrasing variant (plus mixed-language ones)."""
    out: list[Template] = []
    for name, (kind, fn) in families.items():
        for v in VARIANTS:
            for lang in LANGS:
                out.append(
                    Template(f"{lang}.{name}.v{v}", kind, lang, polarity, bind_lang(fn, lang, v))
                )
            if mixed is not None and name in mixed_names:
                out.append(
                    Template(f"mix.{name}.v{v}", kind, "mix", polarity, _bind_mixed(mixed, fn, v))
                )
    return out
