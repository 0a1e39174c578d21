"""Grow ``tui/data/stack_vocab.json`` from devicon's list of developer technologies.

devicon (the npm registry's ``devicon`` package, ``devicon.json``: about 580 languages,
frameworks, databases, tools and platforms, each with alternative names and tags) is a broad public
catalogue kept by others, so the vocabulary grows systematically rather than by the terms
one set of postings happens to use. Only the technology names are taken (the vocabulary is
our own file); run by hand when devicon grows:

    npm pack devicon && tar xzf devicon-*.tgz package/devicon.json
    python -m scripts.import_devicon package/devicon.json

Entries the vocabulary already knows (by any spelling) are left as they are. The tables
below apply the labelling rules to devicon's list: what is not stack (editors, browsers,
office and chat tools, social networks, formats and protocols), names that are ordinary
words (matched only capitalised and in a technical context), and how devicon's squashed
names ("aftereffects") are written in postings. Imported entries carry ``"source":
"devicon"``; running the script again changes nothing.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

VOCAB = Path(__file__).resolve().parent.parent / "tui" / "data" / "stack_vocab.json"

# Not stack by the labelling rules: editors and IDEs, browsers, desktop OS releases,
# office, chat and project tools, social networks and companies, code playgrounds and
# learning sites, data formats, protocols and standards, developer-machine utilities.
# Also two names that, capitalised, are mostly parts of other names in postings ("Stream
# Processing Engines", "the Wikimedia Foundation").
NOT_STACK = frozenset("""
androidstudio atom clion codeac codepen confluence datagrip dataspell dbeaver detaspace devicon
discloud dreamweaver eclipse emacs facebook filezilla firefox chrome safari opera ie10 gitkraken
gitpod githubcodespaces gitter glitch goland google googlecolab hoppscotch ifttt insomnia intellij
jetbrains jira jiraalign json kaggle leetcode linkedin markdown mattermost msdos nano neovim
netbeans notion oauth openapi swagger ohmyzsh phpstorm putty pycharm pypi qodana readthedocs
replit rider rubymine slack sourcetree spyder sqldeveloper ssh stackblitz stackoverflow
thealgorithms tmux tortoisegit towergit trello twitter vim visualstudio vscode vscodium webstorm
windows11 windows8 xml yaml apple canva behance latex tex norg jamstack unifiedmodelinglanguage
rect reach sema jeet npss waku yunohost weblate gitbook ngrok homebrew nodemon cpanel apache
kdeneon k3os redhat jule forgejo radstudio rstudio traefikproxy
processing foundation
""".split())

# Ordinary words (or people's names): matched only as written, where the text is about
# technology ("experience with Ghost", "Hugo, Jekyll or Eleventy").
ORDINARY_WORDS = frozenset("""
carbon clarity fusion ghost realm reflex turbo talos harbor harvester gardener teleport beats
processing foundation nimble quasar sketch maya meteor pug stylus knockout karma gulp grunt
mongoose passport composer doctrine ballerina anaconda gazebo hugo mercurial biome swiper
bower lumen tomcat vagrant illustrator photoshop blender delphi ceylon vala protractor rancher
arduino subversion bamboo
""".split())

# How a squashed devicon name is written in postings (the first spelling is canonical).
SPELLINGS: dict[str, list[str]] = {
    "aftereffects": ["after effects", "adobe after effects"],
    "angularmaterial": ["angular material"],
    "antdesign": ["ant design", "antd"],
    "archlinux": ["arch linux"],
    "artixlinux": ["artix linux"],
    "azuresqldatabase": ["azure sql database", "azure sql"],
    "bevyengine": ["bevy engine"],
    "chartjs": ["chart.js", "chartjs"],
    "babylonjs": ["babylon.js", "babylonjs"],
    "discordjs": ["discord.js"],
    "corejs": ["core-js"],
    "krakenjs": ["kraken.js", "krakenjs"],
    "p5js": ["p5.js"],
    "pixijs": ["pixi.js", "pixijs"],
    "stenciljs": ["stencil.js", "stenciljs"],
    "feathersjs": ["feathers.js", "feathersjs"],
    "inertiajs": ["inertia.js", "inertiajs"],
    "djangorest": ["django rest framework", "drf"],
    "embeddedc": ["embedded c"],
    "filamentphp": ["filamentphp", "filament php"],
    "framermotion": ["framer motion"],
    "kalilinux": ["kali linux"],
    "linuxmint": ["linux mint"],
    "materializecss": ["materialize css", "materializecss"],
    "nodered": ["node-red"],
    "nodewebkit": ["nw.js", "node-webkit"],
    "photonengine": ["photon engine"],
    "premierepro": ["premiere pro", "adobe premiere pro", "adobe premiere"],
    "raspberrypi": ["raspberry pi"],
    "reactbootstrap": ["react bootstrap", "react-bootstrap"],
    "reactnavigation": ["react navigation"],
    "reactrouter": ["react router"],
    "sourceengine": ["source engine"],
    "threedsmax": ["3ds max", "3dsmax"],
    "titaniumsdk": ["titanium sdk"],
    "traefikmesh": ["traefik mesh"],
    "vuestorefront": ["vue storefront"],
    "socketio": ["socket.io"],
    "xd": ["adobe xd"],
    "illustrator": ["adobe illustrator"],
    "photoshop": ["adobe photoshop"],
    "zend": ["zend framework"],
    "subversion": ["svn"],
    "dyalog": ["dyalog apl"],
    "renpy": ["ren'py", "renpy"],
    "love2d": ["love2d", "löve"],
    "aarch64": ["aarch64", "arm64"],
    "yugabytedb": ["yugabytedb", "yugabyte"],
    "surrealdb": ["surrealdb"],
    "spicedb": ["spicedb"],
    "hyperv": ["hyper-v"],
    "aframe": ["a-frame", "aframe"],
}
# Written as one word that is also a short token elsewhere: only the capitalised form.
EXACT_ONLY = {"unix": ["Unix", "UNIX"], "v8": ["V8"], "apl": ["APL"], "ros": ["ROS"],
              "sdl": ["SDL"], "awk": ["AWK", "awk"]}
CATEGORY_BY_TAG = [
    ("database", "database"), ("language", "language"), ("framework", "framework"),
    ("cloud", "cloud"), ("testing", "testing"), ("os", "os"), ("mobile", "mobile"),
    ("game-engine", "gamedev"), ("machine-learning", "ml"), ("data", "data"),
    ("monitoring", "observability"), ("design", "design"), ("editor", "design"),
    ("library", "library"), ("server", "infra"),
]


def squash(name: str) -> str:
    return re.sub(r"[^a-z0-9+#]", "", name.lower())


def known_names(technologies: dict[str, dict]) -> set[str]:
    names = set()
    for canonical, entry in technologies.items():
        for name in [canonical, *entry.get("aliases", ()), *entry.get("exact", ())]:
            names.add(squash(name))
    return names


def category(tags: list[str]) -> str:
    return next((name for tag, name in CATEGORY_BY_TAG if tag in tags), "tooling")


def entry_for(icon: dict) -> tuple[str, dict] | None:
    name = icon["name"]
    if name in NOT_STACK:
        return None
    entry: dict = {"category": category(icon.get("tags", [])), "source": "devicon"}
    if name in EXACT_ONLY or name in ORDINARY_WORDS:
        # the capitalised word needs context; a longer spelling ("adobe photoshop") does not
        canonical = name
        entry["exact"] = EXACT_ONLY.get(name, [name[:1].upper() + name[1:]])
        entry["aliases"] = SPELLINGS.get(name, [])
    else:
        spellings = SPELLINGS.get(name, [name])
        canonical = spellings[0]
        # devicon's other names, where they still say the name ("bulmacss"); a shorter
        # one is often an ordinary word ("kali", "photon", "framer")
        alternatives = [a.lower() for a in icon.get("altnames", ())
                        if squash(name) in squash(a) or re.search(r"[\d.]", a)]
        entry["aliases"] = list(dict.fromkeys([*spellings, *alternatives]))
    if "python" in icon.get("tags", []) and entry["category"] == "framework":
        entry["implies"] = ["python"]
    return canonical, entry


def main(argv: list[str]) -> int:
    icons = json.loads(Path(argv[1]).read_text("utf-8"))
    raw = json.loads(VOCAB.read_text("utf-8"))
    technologies = raw["technologies"]
    known = known_names(technologies)
    added = 0
    for icon in icons:
        forms = [icon["name"], *icon.get("altnames", ()), *SPELLINGS.get(icon["name"], ())]
        squashed = {squash(f) for f in forms} | {squash(f)[:-2] for f in forms
                                                   if squash(f).endswith("js")}
        if squashed & known:
            continue
        made = entry_for(icon)
        if made is None or made[0] in technologies:
            continue
        technologies[made[0]] = made[1]
        known |= squashed
        added += 1
    VOCAB.write_text(json.dumps(raw, indent=1, ensure_ascii=False) + "\n", "utf-8")
    print(f"{added} technologies added; {len(technologies)} in all")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
