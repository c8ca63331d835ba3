"""Raw place lists: governorates, neighbourhoods, landmarks, streets, workplaces, channel names.

Written by hand for the generator. Landmarks avoid person names (no "مستشفى الإمام …") so a
landmark never needs a PERSON label of its own.
"""

from __future__ import annotations

from leakwatch.synth.data_names import words

# key, Arabic, Kurdish (Sorani), English
GOVERNORATES: tuple[tuple[str, str, str, str], ...] = (
    ("baghdad", "بغداد", "بەغدا", "Baghdad"),
    ("basra", "البصرة", "بەسرە", "Basra"),
    ("nineveh", "نينوى", "نەینەوا", "Nineveh"),
    ("mosul", "الموصل", "مووسڵ", "Mosul"),
    ("erbil", "أربيل", "هەولێر", "Erbil"),
    ("sulaymaniyah", "السليمانية", "سلێمانی", "Sulaymaniyah"),
    ("duhok", "دهوك", "دهۆک", "Duhok"),
    ("kirkuk", "كركوك", "کەرکووک", "Kirkuk"),
    ("diyala", "ديالى", "دیالە", "Diyala"),
    ("anbar", "الأنبار", "ئەنبار", "Anbar"),
    ("babil", "بابل", "بابل", "Babil"),
    ("karbala", "كربلاء", "کەربەلا", "Karbala"),
    ("najaf", "النجف", "نەجەف", "Najaf"),
    ("wasit", "واسط", "واست", "Wasit"),
    ("salahaddin", "صلاح الدين", "سەلاحەدین", "Salahuddin"),
    ("diwaniyah", "الديوانية", "دیوانیە", "Diwaniyah"),
    ("nasiriyah", "الناصرية", "ناسریە", "Nasiriyah"),
    ("amarah", "العمارة", "عەمارە", "Amarah"),
    ("samawah", "السماوة", "سەماوە", "Samawah"),
    ("halabja", "حلبجة", "هەڵەبجە", "Halabja"),
)


def _pairs(table: dict[str, str]) -> tuple[tuple[str, str], ...]:
    return tuple((key, hood) for key, block in table.items() for hood in words(block))


AR_HOODS = _pairs(
    {
        "baghdad": """الكرادة المنصور حي_الجهاد الدورة مدينة_الصدر الشعلة الكاظمية الأعظمية زيونة
        البلديات حي_العامل الغزالية اليرموك حي_الجامعة السيدية بغداد_الجديدة الحرية الشعب حي_أور
        الحسينية البياع الزعفرانية حي_العدل الصليخ الوزيرية العطيفية الشالجية حي_القاهرة حي_تونس
        المشتل الأمين النهضة حي_المعالف الإسكان حي_الخضراء الداودي العامرية الطالبية الجادرية""",
        "basra": """العشار الجزائر الجمهورية الحيانية الطويسة التنومة الزبير أبو_الخصيب القبلة
        الأصمعي البراضعية الجبيلة المعقل خمسة_ميل الهارثة""",
        "mosul": """الزهور المجموعة_الثقافية حي_النور باب_الطوب الموصل_الجديدة الحدباء السكر
        حي_العربي حي_المثنى""",
        "nineveh": "تلكيف بعشيقة الحمدانية سنجار",
        "najaf": "حي_الأمير حي_السعد الكوفة حي_الحنانة حي_العسكري حي_الغدير حي_الأنصار حي_الجزيرة",
        "karbala": "حي_الموظفين حي_المعلمين حي_رمضان باب_بغداد حي_الإسكان حي_النقيب",
        "kirkuk": "رحيم_آوا الواسطي عرفة حي_الحرية حي_تسعين حي_النصر القورية الشورجة",
        "erbil": "عنكاوا شورش آزادي بختياري حي_الإسكان",
        "sulaymaniyah": "سرجنار بكرجو رزكاري حي_آزادي",
        "babil": "الحلة حي_بابل حي_الجمعية المحاويل المسيب",
        "diyala": "بعقوبة المقدادية الخالص بلدروز حي_المعلمين",
        "anbar": "الرمادي الفلوجة حي_الأندلس حي_الضباط هيت حديثة القائم",
        "nasiriyah": "الشطرة سوق_الشيوخ حي_أور حي_الشهداء الغراف",
        "amarah": "المجر حي_الرسالة حي_المعلمين الميمونة",
        "samawah": "الرميثة الخضر الحي_الجمهوري",
        "wasit": "الكوت الصويرة العزيزية النعمانية",
        "diwaniyah": "الشامية عفك حي_العسكري حي_الجزائر",
        "salahaddin": "تكريت سامراء بيجي الدور الشرقاط بلد",
        "duhok": "زاخو سميل العمادية مالطا",
    }
)

KU_HOODS = _pairs(
    {
        "erbil": """عەنکاوە شۆڕش ئازادی بەختیاری زانیاری ڕاستی سێتاقان بنەسڵاوە کوێستان شادی
        ئیسکان مامۆستایان برایەتی دارەتوو""",
        "sulaymaniyah": """سەرچنار بەختیاری ئازادی ڕاپەڕین بەکرەجۆ کانی_با سەرشەقام ڕزگاری خەبات
        تووی_مەلیک گردی_سەرچنار""",
        "duhok": "زاخۆ سێمێل مالتا ئامێدی شێلێ ماسیکێ",
        "kirkuk": "ڕەحیماوا ئازادی شۆڕجە ئیسکان عەرەفە",
        "halabja": "کانی_عاشقان جەلیلە پیرمحەمەد",
    }
)

EN_HOODS = _pairs(
    {
        "baghdad": """Karrada Mansour Jihad_District Dora Sadr_City Shula Kadhimiya Adhamiya
        Zayouna Yarmouk Ghazaliya Amiriya Baladiyat Jadriya""",
        "basra": "Ashar Jazair Tannuma Zubair Abu_al-Khaseeb Hayaniya Maqal",
        "erbil": "Ankawa Shorish Azadi Bakhtiari Zanyari Setaqan Italian_Village Dream_City",
        "sulaymaniyah": "Sarchinar Bakhtiari Rizgari Raparin Bakrajo Kani_Ba",
        "kirkuk": "Rahimawa Wasiti Arafa Qoriya",
        "najaf": "Kufa Hay_al-Ameer Hay_al-Saad",
        "duhok": "Zakho Semel Malta",
        "babil": "Hilla Musayyib",
        "anbar": "Ramadi Fallujah Hit",
        "mosul": "Zuhour Hadbaa Muthanna_District",
    }
)

AR_LANDMARKS = words(
    """
    جامع_الرحمن جامع_براثا مستشفى_اليرموك سوق_الشورجة ساحة_التحرير مول_المنصور مدرسة_المتنبي
    كراج_العلاوي حسينية_الزهراء فرن_الأمل صيدلية_الشفاء كنيسة_مار_يوسف ملعب_الشعب جسر_الجمهورية
    المستشفى_التعليمي دائرة_الجوازات مركز_الشرطة السوق_الكبير الجامع_الكبير مدرسة_النهرين
    ساحة_الطيران بنزينخانة_الحي محطة_الوقود علوة_الخضرة المطحنة الملعب_الأولمبي سيطرة_الصقور
    مجسر_الحي نادي_الصيد جامعة_الكوفة كلية_الطب مول_بغداد المستوصف مدرسة_الأمل_الابتدائية
    حديقة_الزوراء برج_الماء سوق_الجمعة مدرسة_الفراهيدي ساحة_الاحتفالات
    """
)

KU_LANDMARKS = words(
    """
    مزگەوتی_گەورە فاملی_مۆڵ مەجیدی_مۆڵ قەڵای_هەولێر نەخۆشخانەی_ڕزگاری بازاڕی_قەیسەری
    پارکی_ئازادی باخی_گشتی سەنتەری_شار نەخۆشخانەی_فێرکاری قوتابخانەی_ئاشتی پردی_شەقام
    ئیستگەی_پاس بازاڕی_سەرەکی مۆڵی_سیتی_ستار پارکی_شار
    گەراجی_کەرکووک بەنزینخانەی_ڕێگای_گشتی زانکۆی_سلێمانی
    """
)

EN_LANDMARKS = words(
    """
    the_Family_Mall Majidi_Mall the_Citadel Al-Rahman_Mosque Yarmouk_Hospital Tahrir_Square
    Mansour_Mall Ankawa_Mall the_old_bazaar the_central_market the_Teaching_Hospital
    the_Grand_Mosque the_bus_station the_petrol_station the_football_stadium the_main_bridge
    Zawraa_Park the_university_gate Qaysari_Bazaar the_water_tower
    """
)

AR_STREETS = words(
    """
    شارع_فلسطين شارع_المطار شارع_الصناعة شارع_الكورنيش شارع_النهر شارع_المغرب شارع_الأطباء
    شارع_14_رمضان شارع_40 شارع_52 شارع_62 شارع_الجمهورية شارع_بغداد شارع_الوطن
    """
)

KU_STREETS = words(
    """
    شەقامی_30_مەتری شەقامی_60_مەتری شەقامی_100_مەتری شەقامی_گوڵان شەقامی_کوردستان
    شەقامی_نیشتمانی شەقامی_بازاڕ شەقامی_ئازادی
    """
)

EN_STREETS = words(
    """
    60_Meter_Street 100_Meter_Street Gulan_Street Palestine_Street 14th_Ramadan_Street
    Airport_Road Industry_Street Corniche_Street 40_Street 52_Street
    """
)

AR_WORKPLACES = words(
    """
    مديرية_شرطة_الكرخ مديرية_مرور_بغداد مستشفى_الكندي دائرة_الجوازات_في_الرصافة
    مديرية_تربية_البصرة مصرف_الرافدين_فرع_الكرادة قيادة_عمليات_بغداد الفوج_الثاني_/_اللواء_56
    مديرية_الاستخبارات_العسكرية شعبة_مكافحة_الإجرام مركز_شرطة_السعدون مديرية_الأحوال_المدنية
    دائرة_صحة_ذي_قار مديرية_الدفاع_المدني جامعة_بغداد_/_كلية_الهندسة الفرقة_الخامسة_/_اللواء_20
    مديرية_شرطة_النجدة مكتب_المفتش_العام مديرية_الجنسية_في_الكاظمية سيطرة_الصقور
    """
)

KU_WORKPLACES = words(
    """
    پۆلیسی_هەولێر ئاسایشی_سلێمانی نەخۆشخانەی_فێرکاری بەڕێوەبەرایەتی_هاتوچۆ
    بەڕێوەبەرایەتی_پەروەردە فەرمانگەی_پاسپۆرت لیوای_دووی_پێشمەرگە بانکی_کوردستان
    بەڕێوەبەرایەتی_باری_شارستانی زانکۆی_سەلاحەدین_/_کۆلێژی_ئەندازیاری
    """
)

EN_WORKPLACES = words(
    """
    the_Karkh_police_directorate Brigade_56,_2nd_regiment the_Baghdad_traffic_directorate
    the_passports_office_in_Rusafa the_Erbil_asayish the_civil_status_office Kindi_Hospital
    the_Basra_education_directorate the_Rafidain_Bank_Karrada_branch the_5th_Army_Division
    """
)

AR_RANKS = words("الملازم الملازم_أول النقيب الرائد المقدم العقيد العميد المفوض العريف الشرطي")
KU_RANKS = words("ئەفسەر ملازم نەقیب ڕائید پۆلیس")
EN_RANKS = words("Lt. Captain Major Colonel Sgt. Officer")

AR_TITLES = words("السيد الحاج الشيخ الدكتور المهندس الأستاذ د. المحامي")
KU_TITLES = words("کاک مامۆستا د. حاجی ئەندازیار")
EN_TITLES = words("Mr Mr. Dr. Eng. Sheikh")
AR_FEMALE_TITLES = words("السيدة الحاجة الدكتورة المهندسة الست الآنسة")
EN_FEMALE_TITLES = words("Mrs Ms Dr.")
KU_FEMALE_TITLES = words("خاتوو مامۆستا د.")

# (display name, ASCII slug base)
CHANNEL_NAMES: tuple[tuple[str, str], ...] = (
    ("فضائح بغداد", "fadaih_baghdad"),
    ("أخبار البصرة", "akhbar_basra"),
    ("Kurdistan 24/7 News", "kurdistan247"),
    ("هەواڵی هەولێر", "hawali_hawler"),
    ("شبكة أخبار الناصرية", "nasiriyah_news"),
    ("كشف النصابين", "kashf_nassabin"),
    ("سوق الموصل", "souq_mosul"),
    ("Iraq Jobs Hub", "iraq_jobs"),
    ("وظائف العراق اليوم", "wadhaif_iraq"),
    ("تسريبات الدوائر", "tasribat"),
    ("وثائق مسربة", "wathaiq"),
    ("Baghdad Leaks", "baghdad_leaks"),
    ("سلێمانی ئێستا", "slemani_esta"),
    ("دهۆک نیوز", "duhok_news"),
    ("مزاد سيارات كربلاء", "mazad_karbala"),
    ("عراق الحدث 🇮🇶", "iraq_hadath"),
    ("ئاگاداری کوردستان", "agadari_kurdistan"),
    ("Erbil Market", "erbil_market"),
    ("منوعات ديالى", "diyala_mix"),
    ("صوت النجف", "sawt_najaf"),
)
