"""Every recognizer of this package keeps the recognizer contract (`recognizer_contract.py`)."""

from __future__ import annotations

from typing import ClassVar

from recognizer_contract import RecognizerContract, make_iban

from leakwatch.detect.recognizer import Recognizer
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
from leakwatch.detect.recognizers.phone import PhoneRecognizer
from leakwatch.detect.recognizers.plate import VehiclePlateRecognizer


class TestPhoneContract(RecognizerContract):
    recognizer: ClassVar[Recognizer] = PhoneRecognizer()
    samples = (
        "رقمه 0770 123 4567",
        "للتواصل ٠٧٨١-٢٣٤-٥٦٧٨ واتساب",
        "call +964 750 123 4567 or +44 20 7946 0958",
        "ژمارەی مۆبایل: 0750📞123 4567",
    )


class TestNationalIdContract(RecognizerContract):
    recognizer: ClassVar[Recognizer] = NationalIdRecognizer()
    samples = ("البطاقة الوطنية 199012345678", "national id: 2001 2345 6789")


class TestCivilIdContract(RecognizerContract):
    recognizer: ClassVar[Recognizer] = CivilIdRecognizer()
    samples = ("هوية الأحوال المدنية 00123456", "رقم الهوية 1234567 سجل 45 صحيفة 89")


class TestResidenceCardContract(RecognizerContract):
    recognizer: ClassVar[Recognizer] = ResidenceCardRecognizer()
    samples = ("بطاقة السكن 5512345", "residence card no. 99812345")


class TestPassportContract(RecognizerContract):
    recognizer: ClassVar[Recognizer] = PassportRecognizer()
    samples = ("جواز A12345678", "passport: b87654321")


class TestIbanContract(RecognizerContract):
    recognizer: ClassVar[Recognizer] = IbanRecognizer()
    samples = (
        f"IBAN: {make_iban('IQ', 'NBIQ850123456789012')}",
        f"الايبان {make_iban('IQ', 'RAFB001234567890123', grouped=False)}",
    )


class TestCreditCardContract(RecognizerContract):
    recognizer: ClassVar[Recognizer] = CreditCardRecognizer()
    samples = ("بطاقة كي كارد 4111 1111 1111 1111", "card 5500-0000-0000-0004")


class TestEmailContract(RecognizerContract):
    recognizer: ClassVar[Recognizer] = EmailRecognizer()
    samples = ("ايميله ali.h@gmail.com", "للتواصلkarwan@example.iqشكرا")


class TestVehiclePlateContract(RecognizerContract):
    recognizer: ClassVar[Recognizer] = VehiclePlateRecognizer()
    samples = ("رقم السيارة 12345 أ بغداد", "plate Erbil 23456 D")


class TestDateOfBirthContract(RecognizerContract):
    recognizer: ClassVar[Recognizer] = DateOfBirthRecognizer()
    samples = ("تولد 1985/3/12", "مواليد ١٩٩٠", "born 12 March 1988")
