import csv
import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from regions.models import Municipality, Province, RiecRegion

HEADER = "gm_code,cbs_name_in_source,display_name,vr_code,veiligheidsregio,provincie,riec_politie_eenheid,pv_code\n"  # noqa: E501


def test_the_shipped_list_is_loaded(db):
    assert Municipality.objects.count() == 342
    assert Municipality.objects.in_region(RiecRegion.MIDDEN_NEDERLAND).count() == 38
    assert Municipality.objects.filter(province=Province.UTRECHT).count() == 26
    the_hague = Municipality.objects.get(code="GM0518")
    assert the_hague.cbs_name == "'s-Gravenhage"
    assert the_hague.riec_region == RiecRegion.DEN_HAAG
    assert Municipality.objects.get(code="GM0034").riec_region == RiecRegion.MIDDEN_NEDERLAND


def write(tmp_path, text):
    path = tmp_path / "list.csv"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_a_newer_list_with_a_merger(db, tmp_path, capsys):
    # Every current municipality, less two that merge into a new one.
    out = io.StringIO()
    writer = csv.writer(out)
    for m in Municipality.objects.exclude(code__in=["GM0307", "GM0313"]):
        writer.writerow(
            [m.code, m.cbs_name, "", m.safety_region_code, m.safety_region, "", "", m.province]
        )
    writer.writerow(["GM9999", "Nieuwe Gemeente", "", "VR09", "Utrecht", "", "", "PV26"])
    path = write(tmp_path, HEADER + out.getvalue())
    call_command("load_municipalities", path, "--reference-date", "2027-01-01")
    assert "1 created" in capsys.readouterr().out
    new = Municipality.objects.get(code="GM9999")
    assert new.riec_region == RiecRegion.MIDDEN_NEDERLAND, "derived from the safety region"
    ended = Municipality.objects.get(code="GM0307")
    assert str(ended.ended_on) == "2027-01-01", "kept, with an end date"
    assert Municipality.objects.current().count() == 341


def test_a_bad_list_changes_nothing_and_names_the_rows(db, tmp_path):
    path = write(tmp_path, HEADER + "XX12,Fout,,,,,,PV26\nGM0001,Geen provincie,,,,,,PV99\n")
    with pytest.raises(CommandError) as error:
        call_command("load_municipalities", path, "--reference-date", "2027-01-01")
    assert "row 2" in str(error.value) and "row 3" in str(error.value)
    assert Municipality.objects.current().count() == 342


def test_reference_date_is_required_for_another_list(db, tmp_path):
    with pytest.raises(CommandError):
        call_command("load_municipalities", write(tmp_path, HEADER))
    with pytest.raises(CommandError):
        call_command("load_municipalities", "/nonexistent.csv", "--reference-date", "2027-01-01")


def test_reloading_the_shipped_list_changes_nothing(db, capsys):
    call_command("load_municipalities")
    assert "0 created, 0 updated, 0 no longer listed" in capsys.readouterr().out
