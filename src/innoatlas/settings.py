"""Settings: the database, the limits, the workers and the extraction's tuning constants.

Read from, highest first: the command line's flags (`--db`, `--workers`),
the environment (`INNOATLAS_DB`, `INNOATLAS_WORKERS`, ...; nested values as
`INNOATLAS_EXTRACTION__MAX_LEAD`), an `innoatlas.toml` in the working
directory, then the defaults below:

    db = "postgresql+psycopg://analyst@dbhost/innoatlas"
    max_document_chars = 200000
    workers = 2

    [extraction]
    max_lead = 26

A file or a value that cannot be read is one InnoatlasError line naming it.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from innoatlas.errors import InnoatlasError

TOML_FILE = "innoatlas.toml"
DEFAULT_DB = "sqlite:///innoatlas.db"
ENV_PREFIX = "INNOATLAS_"


class ExtractionSettings(BaseModel):
    """Tuning constants of the extractor, set on the development articles."""

    model_config = ConfigDict(extra="forbid")

    # Longest stretch of text before a number kept in a quote or metric: gold
    # quotes rarely hold more than ~25 characters before the figure.
    max_lead: int = Field(26, ge=1)
    # How far (characters) a period stated in an earlier paragraph still holds
    # (leads that put 前三季度 on a line of its own).
    period_carry_chars: int = Field(120, ge=0)


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix=ENV_PREFIX, env_nested_delimiter="__", toml_file=TOML_FILE, extra="forbid"
    )

    # The knowledge base: a database URL, or a SQLite file path.
    db: str = DEFAULT_DB
    # Longest document text taken in (characters); longer ones are refused, naming the file.
    max_document_chars: int = Field(200_000, ge=1)
    # Largest request body the server reads (bytes); ingest routes have their own, larger limit.
    max_body_bytes: int = Field(1024 * 1024, ge=1024)
    # Processes an ingest extracts in; unset: one per core when there is work for them.
    workers: int | None = Field(None, ge=1)
    extraction: ExtractionSettings = ExtractionSettings()

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        # Flags (given to the constructor) win over the environment, which wins over the file.
        return init_settings, env_settings, TomlConfigSettingsSource(settings_cls)


def load_settings(**flags) -> Settings:
    """The settings as they are now; `flags` left None do not count."""
    given = {name: value for name, value in flags.items() if value is not None}
    try:
        return Settings(**given)
    except tomllib.TOMLDecodeError as e:
        raise InnoatlasError(f"{Path(TOML_FILE).resolve()}: not valid TOML ({e})") from None
    except ValidationError as e:
        raise InnoatlasError(settings_problem(e)) from None


def settings_problem(error: ValidationError) -> str:
    first = error.errors()[0]
    name = ".".join(str(part) for part in first["loc"])
    where = f"{Path(TOML_FILE).resolve()}, the environment ({ENV_PREFIX}*) or a flag"
    return f"setting {name}: {first['msg'].lower()} (read from {where})"


@cache
def settings() -> Settings:
    """The settings of this process, read once (what extraction and the limits use)."""
    return load_settings()
