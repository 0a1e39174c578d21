"""Stack detection rules on sentences written for these tests (see the labelling rules in
the corpus README: what counts as stack, and under which canonical name)."""

from __future__ import annotations

import re

import pytest

from tui.parsing.stack import (
    FOLDS_APART,
    SKILL_WORDS,
    canonical_tech,
    detect_stack,
    trie_pattern,
)


@pytest.mark.parametrize(("text", "kept", "dropped"), [
    ("Our services are written in Go; we don't use Java.", "go", "java"),
    ("Sem PHP: tudo em Elixir.", "elixir", "php"),
    ("Backend in Kotlin, not Scala", "kotlin", "scala"),
    ("Wir setzen auf Python, kein Java", "python", "java"),
    ("Опыт разработки на Go, без Java", "go", "java"),
    ("No Ruby, only Elixir and Postgres", "elixir", "ruby"),
    ("We moved to TypeScript instead of CoffeeScript", "typescript", "coffeescript"),
    ("We don't use Kotlin or Scala here, just Java", "java", "kotlin"),
])
def test_a_technology_the_text_says_is_not_used_is_not_stack(
        text: str, kept: str, dropped: str) -> None:
    stack = detect_stack(text)
    assert kept in stack
    assert dropped not in stack


@pytest.mark.parametrize(("text", "wanted"), [
    ("Not only Python but also Rust", "python"),
    ("Experiência no React e Node.js", "react"),  # Portuguese "no" is "in the"
    ("Nice to have, not required: Terraform", "terraform"),
])
def test_words_that_only_look_like_negations_keep_the_name(text: str, wanted: str) -> None:
    assert wanted in detect_stack(text)


def test_protocols_methodologies_and_office_tools_are_not_stack() -> None:
    stack = detect_stack("Design REST and WebSocket APIs with OpenAPI, JWT and OAuth2 in "
                         "TypeScript; we work in Scrum with Jira, Slack and Notion")
    assert stack == ["typescript"]


def test_cloud_sub_services_fold_into_their_cloud_but_datastores_keep_their_name() -> None:
    stack = detect_stack("Serverless on Lambda, S3 and SQS with DynamoDB; analytics in "
                         "BigQuery on GKE")
    assert {"aws", "gcp", "dynamodb", "bigquery"} <= set(stack)
    assert not {"lambda", "s3", "sqs", "gke"} & set(stack)


def test_multi_word_names_are_matched_whole_before_their_parts() -> None:
    stack = detect_stack("Microservices with Spring Boot, Spring Security and React Native")
    assert {"spring boot", "spring security", "react native"} <= set(stack)
    assert not {"spring", "react"} & set(stack)


@pytest.mark.parametrize(("text", "wanted"), [
    ("CI/CD (GitLab) and Docker", ["gitlab ci", "docker"]),
    ("Pipelines in GitHub Actions, images on Docker", ["github actions", "docker"]),
    ("Docker, Kubernetes, CI/CD, GitHub", ["docker", "kubernetes"]),
    ("Send us your GitHub or GitLab profile", []),
])
def test_code_hosting_counts_only_as_ci(text: str, wanted: list[str]) -> None:
    assert detect_stack(text) == wanted


def test_a_version_stuck_to_a_name_is_still_the_name_but_not_a_grade() -> None:
    assert detect_stack("Solid PHP8 and Vue3, HTML5 and CSS3") == ["php", "vue", "html", "css"]
    assert "c" not in detect_stack("English at level C1, Python daily")


def test_a_company_that_is_also_a_product_is_not_stack_in_prose_about_customers() -> None:
    assert detect_stack("Customers include Okta, Twilio and several banks") == []
    assert {"twilio", "stripe"} <= set(detect_stack("Experience with Python, Twilio and Stripe"))


def test_names_inside_links_and_addresses_are_not_stack() -> None:
    text = "Apply at https://jobs.example.com/python-role or write to hiring@rust.example.org"
    assert detect_stack(text) == []
    assert detect_stack("See [our Kotlin guide](https://example.com/ruby) for more") == ["kotlin"]
    assert detect_stack("![Kotlin logo](img/scala.png)\n[Go](/elixir) [x]![a](php)") == [
        "kotlin"]


def test_tags_and_queries_use_the_same_canonical_names() -> None:
    assert detect_stack("A role", extra=["Golang", "k8s", "PostgreSQL"]) == [
        "go", "kubernetes", "postgres"]
    assert [canonical_tech(name) for name in ("golang", "K8s", "Spring Boot", "nodejs")] == [
        "go", "kubernetes", "spring boot", "node.js"]
    assert canonical_tech("SomethingNew") == "somethingnew"


def test_the_trie_matches_the_longest_name_and_only_whole_names() -> None:
    import re

    pattern = re.compile(trie_pattern(["go", "golang", "node", "node.js", "c++"]))
    assert [m.group() for m in pattern.finditer("golang, node.js, c++, goal, nodes")] == [
        "golang", "node.js", "c++"]


def test_a_tech_list_drops_protocols_methods_office_tools_and_code_hosts() -> None:
    line = ("Stack: REST, HTTP, WebSocket, OpenAPI, JWT, OAuth2, Agile, Scrum, Jira, Slack, "
            "Notion, GitHub, GitLab, Python")
    assert detect_stack(line) == ["python"]


@pytest.mark.parametrize(("text", "wanted"), [
    ("Motion design in After Effects and Figma", {"after effects", "figma"}),
    ("Experience with WordPress, Ghost or Hugo", {"wordpress", "ghost", "hugo"}),
    ("Dashboards in Chart.js, data from a Django REST Framework API", {
        "chart.js", "django rest framework"}),
])
def test_the_broad_vocabulary_finds_tools_beyond_programming_languages(
        text: str, wanted: set[str]) -> None:
    assert wanted <= set(detect_stack(text))


def test_a_name_that_is_an_ordinary_word_needs_a_technical_context() -> None:
    assert detect_stack("Our ghost kitchen partners sketch out a new menu each week") == []
    assert detect_stack("Ghost stories by the fire at the team retreat") == []


@pytest.mark.parametrize(("text", "wanted"), [
    ("- Treiberentwicklung für Zephyr用 und 組み込みLinux", {"linux"}),
    ("使用了NodeJS和Vue开发", {"node.js", "vue"}),
    ("Daten in PostgreSQL+Redis, Dienste in Go+gRPC", {"postgres", "redis", "go", "grpc"}),
    ("Modern C++17 on embedded targets", {"c++"}),
])
def test_names_are_found_against_cjk_letters_and_plus_signs(text: str, wanted: set[str]) -> None:
    assert wanted <= set(detect_stack(text))


def test_git_counts_as_a_tool_the_role_asks_for() -> None:
    assert "git" in detect_stack("- Version control with Git")
    assert "git" in detect_stack("Conhecimento em versionamento de código (Git)")


@pytest.mark.parametrize("heading", ["**Backend:**", "## Frontend", "Desejáveis:", "Bonus points:"])
def test_a_one_name_line_under_a_tech_or_nice_to_have_heading_counts(heading: str) -> None:
    assert "express" in detect_stack(f"{heading}\n\n- Express\n- Kafka\n")
    assert "express" in detect_stack(f"We build tools.\n  {heading} \n- Express\n- Kafka")
    assert "express" not in detect_stack("## Benefits\n\n- Express\n- Kafka\n")


def test_an_ambiguous_name_before_a_layer_word_is_the_technology() -> None:
    assert "react" in detect_stack("Postgres for the data, React FE, Elixir BE")


def test_names_keep_their_place_after_letters_that_grow_when_lower_cased() -> None:
    # "İ" lower-cases to two characters: were offsets shifted by the 12 of them, "rust"
    # would fall outside the address it is part of and be taken for stack.
    text = ("İSTANBUL VE İZMİR İÇİN İŞ İLANI: BİLGİSAYAR MÜHENDİSİ\n"
            "Python and PostgreSQL. CV: rust@ex.io")
    assert detect_stack(text) == ["python", "postgres"]


@pytest.mark.parametrize("asks_for_skills", ["Experience", "SKİLLS", "Skılls"])
def test_a_product_name_counts_in_a_sentence_that_asks_for_skills(asks_for_skills: str) -> None:
    # Dotless "ı" and capital "İ" are "i" to a case-blind match, though lower-casing the
    # text keeps them apart; a Turkish-cased "SKİLLS" still asks for skills.
    line = "shipping Python apps that take payments through Stripe"
    assert "stripe" in detect_stack(f"{asks_for_skills}: {line}")
    assert "stripe" not in detect_stack(line.capitalize())


def test_skill_words_are_found_in_lower_cased_text_as_a_case_blind_search_finds_them() -> None:
    # Every letter a case-blind search takes for a letter of SKILL_WORDS is that letter
    # once lower-cased (İ stays as it is), or one of FOLDS_APART. (No letter above
    # U+1F000 has another case.)
    letters = set(re.sub(r"[^\w]", "", SKILL_WORDS.pattern))
    everything = "".join(map(chr, [*range(0xD800), *range(0xE000, 0x1F000)]))
    for char in set(re.findall(f"[{''.join(letters)}]", everything, re.IGNORECASE)):
        low = char if len(char.lower()) != 1 else char.lower()
        assert low in letters or FOLDS_APART.fullmatch(low), char
