"""Official lists as data, read by extraction and resolution.

Every data file names the list it restates, its issuer and year (a
`source:` entry, or a leading '# source:' line in a CSV file):

- divisions.csv: China's administrative divisions with short forms,
  derived by build_divisions from the statistics bureau's code list, with the
  divisions of its 2022 list that the older one lacks.
- zones (zones.py): new_areas.yaml (国家级新区), high_tech_zones.yaml
  (国家高新区), economic_development_zones.yaml (国家级经开区),
  free_trade_zones.yaml (自由贸易试验区 and 片区), science_centres.yaml
  (综合性国家科学中心, 国家自主创新示范区, science cities) and zones.yaml
  (sub-areas and economic regions no national list names); versioned by date.
- industries (industries.py): industries_strategic_emerging.yaml
  (战略性新兴产业分类 2018), industries_national_economy.yaml (GB/T
  4754-2017), industries_high_tech.yaml (高技术产业分类),
  industries_high_tech_fields.yaml (国家重点支持的高新技术领域 2016), industries_future.yaml
  (未来产业), industries_sectors.yaml (the industry ministry's sectors, the
  national manufacturing clusters, 数字经济核心产业),
  industries_satellite_accounts.yaml (the statistics bureau's tourism, health,
  culture and sports classifications), industries_economic_forms.yaml (the
  economies the State Council plans as sectors: 银发经济, 临空经济, 服务外包), industries.yaml
  (names and synonyms as policy texts write them) and
  industries_cross_strait.yaml (the same fields as Taiwan and Hong Kong
  texts name them: 人工智慧, 晶片).
- org_suffixes.yaml: naming forms of organisations: suffix -> entity type,
  generic phrases, left stop words (suffixes.py).
- local_departments.yaml: the working departments of provincial, city and
  county governments as the 2018 reform named them (科学技术局, 住房和城乡建设厅),
  with their short forms (bodies.py, beside central_bodies.yaml).
- central_enterprises.yaml: the central state-owned enterprises (国资委
  央企名录 2024) and central financial groups, with their short forms
  (enterprises.py).
- national_programmes.yaml: national strategies, programmes and named
  corridors, each with the document that set it up (programmes.py).
- listed_companies.yaml: the A shares of the Shanghai and Shenzhen exchanges by
  the names they trade under (证券简称, 2021 lists), derived by
  build_listed_companies (enterprises.py).
- science_facilities.yaml: the national major science and technology
  infrastructure (国家重大科技基础设施, the 2013 plan and the facilities built
  under it), typed as platforms (facilities.py).
- economic_regions.yaml: national-strategy economic regions and their
  member divisions (read by resolve.economic).

match.py matches all names in a text with one Aho-Corasick automaton;
prefixes.py reads the longest known name a text starts with (the place a
body's name opens with).
Every loader reads its files once and keeps the result.
"""
