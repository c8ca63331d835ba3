"""Which recognizers a scan runs. Explicit list, no reflection-based discovery."""

from __future__ import annotations

from leakwatch.detect.recognizer import Recognizer
from leakwatch.detect.recognizers.address import AddressRecognizer
from leakwatch.detect.recognizers.credit_card import CreditCardRecognizer
from leakwatch.detect.recognizers.date_of_birth import DateOfBirthRecognizer
from leakwatch.detect.recognizers.email import EmailRecognizer
from leakwatch.detect.recognizers.iban import IbanRecognizer
from leakwatch.detect.recognizers.iq_ids import (
    CivilIdRecognizer,
    NationalIdRecognizer,
    ResidenceCardRecognizer,
)
from leakwatch.detect.recognizers.passport import PassportRecognizer
from leakwatch.detect.recognizers.person import PersonRecognizer
from leakwatch.detect.recognizers.phone import PhoneRecognizer
from leakwatch.detect.recognizers.plate import VehiclePlateRecognizer
from leakwatch.detect.recognizers.sorani_kin import SoraniKinRecognizer
from leakwatch.detect.recognizers.state_document import StateDocumentRecognizer


def default_recognizers() -> list[Recognizer]:
    """Every recognizer of the entity-type contract, in a fixed order."""
    return [
        IbanRecognizer(),
        CreditCardRecognizer(),
        NationalIdRecognizer(),
        CivilIdRecognizer(),
        ResidenceCardRecognizer(),
        PassportRecognizer(),
        PhoneRecognizer(),
        EmailRecognizer(),
        VehiclePlateRecognizer(),
        DateOfBirthRecognizer(),
        StateDocumentRecognizer(),
        AddressRecognizer(),
        PersonRecognizer(),
        SoraniKinRecognizer(),
    ]
