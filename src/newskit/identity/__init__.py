"""Archive-wide identity of entities: keys from one article (`newskit.entities.keys`), resolved across an archive
(`link`), and the identities table of an archive output (`table`)."""
from newskit.entities.keys import entity_key
from newskit.identity.link import NameTable
from newskit.identity.stream import link_file, link_lines

__all__ = ["NameTable", "entity_key", "link_file", "link_lines"]
