"""Import (LinkedIn's Connections.csv, a plain CSV), CSV export and the .ics calendar of reminders."""

from __future__ import annotations

from datetime import date

import pytest
from icalendar import Calendar

from coach import network_io
from coach.config import Settings
from coach.contacts import ContactIn
from coach.errors import UserInputError
from coach.network_io import contacts_csv, read_contacts, reminders_ics
from coach.reminders import open_reminders
from coach.services import Services

# The way LinkedIn writes it: a "Notes:" block (one quoted cell with commas), a blank line, then the header.
LINKEDIN_NOTE = (
    'Notes:\n"When exporting your connection data, you may notice that some of the email addresses are '
    'missing. You will only see email addresses for connections who have allowed it, in their settings."\n\n'
)
LINKEDIN_ROWS = (
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    'Zoë,Ångström,https://www.linkedin.com/in/zoe-angstrom-0a1b2c,,"Fernhill Analytics, Inc.","Senior Analyst, Risk",07 Mar 2024\n'
    "Łukasz,Brzęczyszczykiewicz,https://www.linkedin.com/in/lukasz-b-3d4e5f,lukasz@tidewater.example,Tidewater Labs,Data Scientist,29 Feb 2024\n"
    'José,Núñez García,https://www.linkedin.com/in/jose-nunez-6g7h8i,,"Northgate Studio","Designer, ""UX""",31 Dec 2023\n'
    ",,,,,,\n"  # a blank record
    ",,https://www.linkedin.com/in/private-member,,,,01 Jan 2024\n"  # a member who hides their name: skipped
)
LINKEDIN = (LINKEDIN_NOTE + LINKEDIN_ROWS).encode()


@pytest.fixture
def services(settings: Settings) -> Services:
    return Services(settings)


def test_linkedin_export_as_linkedin_writes_it():
    result = read_contacts(LINKEDIN, "Connections.csv")
    assert result.format == "linkedin" and result.skipped == 1
    zoe, lukasz, jose = result.contacts
    assert (zoe.name, zoe.organisation, zoe.role, zoe.email) == ("Zoë Ångström", "Fernhill Analytics, Inc.", "Senior Analyst, Risk", "")
    assert zoe.url == "https://www.linkedin.com/in/zoe-angstrom-0a1b2c" and zoe.channel == "linkedin"
    assert (zoe.connected_on, lukasz.connected_on, jose.connected_on) == (date(2024, 3, 7), date(2024, 2, 29), date(2023, 12, 31))
    assert lukasz.email == "lukasz@tidewater.example" and jose.role == 'Designer, "UX"'
    assert {c.source for c in result.contacts} == {"linkedin"}


@pytest.mark.parametrize(
    "variant",
    [
        lambda data: b"\xef\xbb\xbf" + data,  # a byte-order mark from a spreadsheet round trip
        lambda data: data.replace(b"\n", b"\r\n"),  # Windows line ends
        lambda data: data.split(b"\n\n", 1)[1],  # no note lines
    ],
)
def test_linkedin_variants_read_the_same(variant):
    assert read_contacts(variant(LINKEDIN)).contacts == read_contacts(LINKEDIN).contacts


def test_import_saves_every_row_once(services: Services):
    contacts = services.contacts()
    result, added = services.import_contacts(contacts, LINKEDIN, "Connections.csv")
    assert added == 3 and [c.name for c in contacts.list_contacts()] == [c.name for c in result.contacts]
    _, again = services.import_contacts(contacts, LINKEDIN, "Connections.csv")
    assert again == 0 and len(contacts.list_contacts()) == 3


BAD_ROW = "Ida,Voss,https://www.linkedin.com/in/ida-voss,,Fernhill Analytics, Inc.,Analyst,01 Jan 2024\n"
MALFORMED = {
    "unquoted comma": (LINKEDIN_NOTE + LINKEDIN_ROWS + BAD_ROW).encode(),
    "bad date": (LINKEDIN_NOTE + LINKEDIN_ROWS + "Ida,Voss,,,Fernhill,Analyst,someday\n").encode(),
    "open quote": (LINKEDIN_NOTE + LINKEDIN_ROWS + 'Ida,"Voss,,,Fernhill,Analyst,01 Jan 2024\n').encode(),
    "not UTF-8": (LINKEDIN_NOTE + LINKEDIN_ROWS).encode("utf-8") + "Ida,Voß,,,Fernhill,Analyst,01 Jan 2024\n".encode("cp1252"),
    "binary": b"PK\x03\x04\x00\x00" + b"\x00" * 40,
    "empty": b"  \n",
    "no header": b"Ida,Voss,Fernhill\n",
    "cell too long": (LINKEDIN_ROWS + f"Ida,Voss,,,Fernhill,{'x' * 3000},01 Jan 2024\n").encode(),
    "bad channel": b"Name,Channel\nIda Voss,carrier pigeon\n",
}


@pytest.mark.parametrize("case", list(MALFORMED))
def test_malformed_file_gets_one_line_and_imports_nothing(services: Services, case: str):
    contacts = services.contacts()
    with pytest.raises(UserInputError) as raised:
        services.import_contacts(contacts, MALFORMED[case], "Connections.csv")
    message = str(raised.value)
    assert "\n" not in message and message.startswith("Connections.csv"), message
    assert contacts.list_contacts() == []


def test_huge_files_are_refused_whole(services: Services):
    contacts = services.contacts()
    too_big = b"Name\n" + b"x" * network_io.MAX_BYTES
    with pytest.raises(UserInputError, match=r"MB; the limit is 10 MB"):
        services.import_contacts(contacts, too_big, "big.csv")
    too_many = ("Name,Company\n" + "".join(f"Person {i},Fernhill\n" for i in range(network_io.MAX_ROWS + 1))).encode()
    assert len(too_many) < network_io.MAX_BYTES
    with pytest.raises(UserInputError, match=r"30,001 rows; the limit is 30,000"):
        services.import_contacts(contacts, too_many, "many.csv")
    assert contacts.list_contacts() == []


def test_plain_csv_with_the_usual_column_names():
    data = (
        b"Full name,Organization,Job title,How you found them,E-mail,Channel\n"
        b"Mara Quist,Harbourline Health,Nurse Educator,Met at the Riverside career fair,mara@harbourline.example,Email\n"
        b"Teo Brandt,,,,,\n"
    )
    result = read_contacts(data, "people.csv")
    assert result.format == "csv"
    mara, teo = result.contacts
    assert (mara.organisation, mara.role, mara.connection, mara.channel) == (
        "Harbourline Health",
        "Nurse Educator",
        "Met at the Riverside career fair",
        "email",
    )
    assert teo.name == "Teo Brandt" and teo.source == "csv"


def test_csv_export_imports_again(services: Services):
    contacts = services.contacts()
    services.import_contacts(contacts, LINKEDIN, "Connections.csv")
    zoe = contacts.list_contacts()[0]
    contacts.log_event(zoe.id, "reached_out", date(2026, 3, 2))
    exported = services.export_contacts(contacts)
    assert "reached out,reached out,2026-03-02" in exported
    back = read_contacts(exported.encode(), "contacts.csv").contacts
    assert [(c.name, c.organisation, c.role, c.email) for c in back] == [(c.name, c.organisation, c.role, c.email) for c in contacts.list_contacts()]
    assert contacts_csv([], []).strip() == ",".join(network_io.EXPORT_COLUMNS)


def test_ics_has_one_event_per_reminder_on_its_day(services: Services):
    contacts = services.contacts()
    ana, bo, cy = (contacts.add_contact(ContactIn(name=name, organisation="Fernhill Analytics")) for name in ("Ana Lindqvist", "Bo Ferreira", "Cy Okafor"))
    contacts.log_event(ana.id, "reached_out", date(2026, 3, 2))
    contacts.log_event(bo.id, "met", date(2026, 3, 4))
    contacts.log_event(cy.id, "met", date(2026, 2, 2))
    contacts.log_event(cy.id, "thanked", date(2026, 2, 3))
    on = date(2026, 3, 5)
    expected = open_reminders(contacts.list_contacts(), contacts.events(), on)
    calendar = Calendar.from_ical(services.reminders_calendar(contacts, on))
    events = calendar.walk("VEVENT")
    assert len(events) == len(expected) == 4  # Ana's 3B and 7B, Bo's thank-you, Cy's keep-in-touch
    got = sorted((str(e["SUMMARY"]).split(":")[0], e.decoded("DTSTART"), e.decoded("DTEND")) for e in events)
    assert got == sorted((r.rule, r.due_on, date.fromordinal(r.due_on.toordinal() + 1)) for r in expected)
    assert {e.decoded("DTSTART") for e in events} == {date(2026, 3, 5), date(2026, 3, 11), date(2026, 3, 4), date(2026, 3, 3)}
    assert len({str(e["UID"]) for e in events}) == 4
    follow_up = next(e for e in events if str(e["SUMMARY"]).startswith("7B"))
    assert "Subject: Following up" in str(follow_up["DESCRIPTION"])


def test_ics_of_nothing_is_still_a_calendar():
    calendar = Calendar.from_ical(reminders_ics([]))
    assert calendar.walk("VEVENT") == [] and str(calendar["VERSION"]) == "2.0"
