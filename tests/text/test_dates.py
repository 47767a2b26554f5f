from corpusdiff.text.dates import chinese_date, is_publication_date


def test_chinese_dates() -> None:
    assert chinese_date("2025-01") == "2025年1月"
    assert chinese_date("2022-01-21") == "2022年1月21日"
    assert chinese_date("2021") == "2021年"
    assert chinese_date("undated") == "undated"


def test_publication_dates_name_real_days() -> None:
    assert is_publication_date("2025") and is_publication_date("2025-01") and is_publication_date("2024-02-29")
    assert not is_publication_date("2025-02-30") and not is_publication_date("2025-13") and not is_publication_date("25-01")
