"""Stage 1, reading: raw bytes of a report file -> decoded text (`RawReport`), with a clear
refusal of what is empty, binary or undecodable."""
