"""Word lists the synthetic corpus is built from (see ``benchmarks.generate``).

Kept apart from the generator so the generator stays readable; nothing here runs at import
time beyond building a few tuples.
"""

from __future__ import annotations

SENIORITIES: tuple[str, ...] = (
    "Senior", "Staff", "Junior", "Lead", "Principal", "Mid-level", "Intern", "Head of",
    "Associate", "Distinguished",
)

AREAS: tuple[str, ...] = (
    "Rust", "Python", "Go", "TypeScript", "Java", "Data", "Platform", "Frontend", "Backend",
    "Full-Stack", "Machine Learning", "Infrastructure", "Mobile", "iOS", "Android", "Security",
    "Cloud", "Embedded", "Kotlin", "Elixir", "Scala", "C++", "DevOps", "QA", "Analytics",
)

ROLES: tuple[str, ...] = (
    "Engineer", "Developer", "SRE", "Architect", "Software Engineer", "Engineering Manager",
    "Consultant", "Specialist", "Scientist", "Programmer",
)

CITIES: tuple[str, ...] = (
    "Berlin", "München", "Hamburg", "Köln", "Frankfurt", "Düsseldorf", "Stuttgart", "Leipzig",
    "Zürich", "Genève", "Basel", "Wien", "Graz", "Praha", "Brno", "Kraków", "Warszawa",
    "Wrocław", "Gdańsk", "Poznań", "Łódź", "Budapest", "Bratislava", "Ljubljana", "Zagreb",
    "București", "Cluj-Napoca", "Sofia", "Beograd", "Athína", "Thessaloníki", "İstanbul",
    "Ankara", "Москва", "Санкт-Петербург", "Новосибирск", "Екатеринбург", "Казань", "Київ",
    "Львів", "Минск", "Tallinn", "Rīga", "Vilnius", "Helsinki", "Tampere", "Stockholm",
    "Göteborg", "Malmö", "Oslo", "Bergen", "København", "Aarhus", "Reykjavík", "Dublin",
    "Cork", "London", "Manchester", "Edinburgh", "Bristol", "Cambridge", "Amsterdam",
    "Rotterdam", "Utrecht", "Eindhoven", "Bruxelles", "Antwerpen", "Luxembourg", "Paris",
    "Lyon", "Marseille", "Toulouse", "Nantes", "Bordeaux", "Montréal", "Québec", "Toronto",
    "Vancouver", "Ottawa", "Calgary", "Madrid", "Barcelona", "València", "Sevilla", "Málaga",
    "Bilbao", "A Coruña", "Lisboa", "Porto", "Braga", "Coimbra", "Milano", "Roma", "Torino",
    "Bologna", "Napoli", "Firenze", "São Paulo", "Rio de Janeiro", "Belo Horizonte",
    "Florianópolis", "Curitiba", "Porto Alegre", "Recife", "Brasília", "Goiânia",
    "Ciudad de México", "Guadalajara", "Monterrey", "Querétaro", "Mérida", "Bogotá",
    "Medellín", "Cali", "Lima", "Arequipa", "Santiago", "Valparaíso", "Buenos Aires",
    "Córdoba", "Rosario", "Montevideo", "Asunción", "Quito", "La Paz", "San José",
    "Ciudad de Panamá", "New York", "San Francisco", "Seattle", "Austin", "Boston", "Chicago",
    "Denver", "Los Angeles", "Portland", "Atlanta", "Miami", "Tel Aviv", "Haifa", "Dubai",
    "Cairo", "Lagos", "Nairobi", "Cape Town", "Johannesburg", "Bengaluru", "Pune",
    "Hyderabad", "Chennai", "Singapore", "Kuala Lumpur", "Jakarta", "Hà Nội", "Manila",
    "Tokyo", "Osaka", "Seoul", "Taipei", "Hong Kong", "Shanghai", "Sydney", "Melbourne",
    "Brisbane", "Auckland", "Wellington",
)

WORK_MODES: tuple[str, ...] = (
    "Remote", "Hybrid", "Remote (EU)", "Remote (Americas)", "On-site", "Remoto", "Híbrido",
    "Удалённо",
)

TECHNOLOGIES: tuple[str, ...] = (
    "Rust", "Python", "Golang", "TypeScript", "JavaScript", "Java", "Kotlin", "Scala", "C",
    "C++", "C#", ".NET", "F#", "Elixir", "Erlang", "Haskell", "OCaml", "Clojure", "Ruby",
    "Ruby on Rails", "PHP", "Laravel", "Swift", "Objective-C", "Dart", "Flutter", "Lua",
    "Zig", "Julia", "R", "SQL", "PostgreSQL", "MySQL", "SQLite", "MongoDB", "Redis",
    "Cassandra", "ClickHouse", "Elasticsearch", "OpenSearch", "DynamoDB", "Snowflake",
    "BigQuery", "Kafka", "RabbitMQ", "NATS", "gRPC", "GraphQL", "REST", "Docker",
    "Kubernetes", "Helm", "Terraform", "Ansible", "Pulumi", "AWS", "GCP", "Azure", "Linux",
    "Nginx", "Prometheus", "Grafana", "OpenTelemetry", "Datadog", "React", "Next.js",
    "Vue.js", "Nuxt", "Angular", "Svelte", "Node.js", "Deno", "Django", "FastAPI", "Flask",
    "Spring Boot", "Airflow", "Spark", "dbt", "PyTorch", "TensorFlow", "Tokio", "WebAssembly",
    "Git", "GitHub Actions",
)

SYLLABLES: tuple[str, ...] = (
    "ka", "lo", "mi", "ra", "ven", "tor", "qu", "zen", "sol", "ari", "bel", "cor", "dyn",
    "ex", "flo", "gri", "hal", "io", "jun", "kel", "lum", "mar", "nov", "ox", "pax", "rho",
    "sy", "tek", "ul", "vo", "wy", "xa", "yo", "zu", "bri", "cla", "dro", "fen", "gal", "nex",
)

COMPANY_SUFFIXES: tuple[str, ...] = (
    "", "", "", " Labs", " Inc.", " GmbH", " Ltd", " AG", " S.A.", " Ltda.", " B.V.", " Oy",
    " Technologies", " Systems", " Software", " Cloud", " Health", " Pay", " AI", " Studio",
)

DOMAINS: tuple[str, ...] = (
    "fintech", "healthcare", "logistics", "e-commerce", "developer tooling", "climate tech",
    "gaming", "edtech", "insurance", "cybersecurity", "travel", "real estate", "media",
    "biotech", "mobility", "energy", "agritech", "legal tech", "open source", "observability",
)

PRODUCTS: tuple[str, ...] = (
    "payments platform", "search engine", "data pipeline", "mobile app", "billing system",
    "recommendation engine", "design system", "API gateway", "streaming service",
    "internal developer platform", "analytics dashboard", "compiler toolchain",
    "fraud detection service", "booking engine", "trading platform", "CRM", "CI/CD system",
    "feature store", "identity service", "video encoder",
)

ADJECTIVES: tuple[str, ...] = (
    "fast-growing", "profitable", "remote-first", "bootstrapped", "Series B", "distributed",
    "friendly", "ambitious", "small", "well-funded", "mission-driven", "award-winning",
    "product-led", "open-source", "independent", "international",
)

BENEFITS: tuple[str, ...] = (
    "a learning budget", "stock options", "flexible hours", "a four-day week",
    "private health insurance", "30 days of paid leave", "a home-office stipend",
    "parental leave", "conference travel", "a pension plan", "gym membership",
    "a yearly team retreat", "sabbaticals", "a new laptop",
)

TEAMS: tuple[str, ...] = (
    "platform", "payments", "growth", "core", "infrastructure", "data", "search", "mobile",
    "security", "reliability", "checkout", "onboarding", "integrations", "ML",
    "developer experience",
)

SENTENCES: tuple[str, ...] = (
    "We are a {adj} {domain} company building the next generation {product}.",
    "You will join the {team} team and work closely with product and design.",
    "Our {product} handles millions of requests per day and is written mostly in {tech}.",
    "You will design, build and operate services in {tech} and {tech2}.",
    "We value clear writing, small pull requests and kind code reviews.",
    "The {team} team owns the {product} end to end, from {tech} to production.",
    "You'll mentor engineers and help shape our {tech} practices.",
    "We offer {benefit}, {benefit2} and a competitive salary.",
    "Most of the team is based in {city}, but we collaborate across time zones.",
    "We migrated from {tech2} to {tech} last year and want to keep improving it.",
    "Experience in {domain} is a plus but not required.",
    "You care about performance, observability and reliability of {tech} systems.",
    "We ship several times a day using {tech} and a strong test culture.",
    "Our customers in {city} and beyond rely on the {product} every day.",
    "You will help us scale the {product} to the next {n} million users.",
    "We are a team of {n} engineers spread across {city} and {city2}.",
    "On a typical day you might pair on a {tech} service or debug a {tech2} incident.",
    "We believe in sustainable pace and no heroics: on-call is shared and paid.",
    "You will have real ownership of the {team} roadmap.",
    "We work asynchronously and write design documents before big changes.",
    "Knowledge of {tech} internals would be great, curiosity about {tech2} even better.",
    "The salary range for this role is {n}k to {n2}k per year, depending on experience.",
    "We offer relocation support to {city} if you want it.",
    "Our interview process has {m} steps and takes about two weeks.",
    "You will improve developer experience for the {team} team by automating the boring parts.",
    "The {product} is used by {n} thousand businesses in {domain}.",
    "We have a strong culture of blameless postmortems and continuous learning.",
    "You should feel comfortable working with {tech} in production.",
    "We care about accessibility, privacy and security by default.",
    "Our stack evolves: we recently adopted {tech} for new services.",
    "You will collaborate with data scientists on the {product}.",
    "The role reports to the VP of Engineering and is open to candidates in {city}.",
    "We are profitable, growing and hiring for the {team} team in {city}.",
    "Expect to spend about {m}0% of your time on code review and design.",
    "Our engineers have {benefit} and the freedom to pick their tools.",
    "You will own the migration of the {product} from {tech2} to {tech}.",
    "Bonus points if you have contributed to open-source {tech} projects.",
    "We are an equal opportunity employer and welcome applicants from all backgrounds.",
    "Travel to {city} is required once per quarter for team offsites.",
    "We build tools that make {domain} less painful for everyone involved.",
)

REQUIREMENTS: tuple[str, ...] = (
    "{m}+ years of professional experience with {tech}",
    "Solid understanding of {tech} and {tech2}",
    "Experience operating {tech} in production",
    "Familiarity with {tech} is a plus",
    "Strong communication skills in English",
    "Experience building a {product} or similar system",
    "Comfortable with code review, testing and CI using {tech}",
    "Knowledge of distributed systems and {tech2}",
    "Background in {domain} is nice to have",
    "Able to work {m} hours overlap with {city} time",
)

BOILERPLATE: tuple[str, ...] = (
    "Apply for this job",
    "Sign up for job alerts",
    "Powered by Greenhouse",
    "Share this job on LinkedIn",
    "Back to all jobs",
)

# Per-language labels: (company, location, requirements, stack, role prefix, at).
LABELS: tuple[tuple[str, str, str, str, str, str], ...] = (
    ("Company", "Location", "Requirements", "Our stack", "Role", "at"),
    ("Company", "Location", "Requirements", "Our stack", "Role", "at"),
    ("Company", "Location", "Requirements", "Our stack", "Role", "at"),
    ("Company", "Location", "Requirements", "Our stack", "Role", "at"),
    ("Empresa", "Ubicación", "Requisitos", "Nuestro stack", "Puesto", "en"),
    ("Empresa", "Localização", "Requisitos", "Nossa stack", "Vaga", "na"),
    ("Компания", "Местоположение", "Требования", "Наш стек", "Вакансия", "в"),
)

URL_HOSTS: tuple[str, ...] = (
    "https://jobs.example.com/apply/",
    "https://boards.example.org/postings/",
    "https://careers.example.net/job/",
    "https://example.io/jobs/",
)
