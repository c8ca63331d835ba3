"""Raw name lists for the synthetic generator, written by hand (not from the detector lexicons).

Keeping them independent of `leakwatch.detect.lexicons` is what keeps the evaluation honest: the
detector never saw these exact lists. Entries are whitespace separated; `_` stands for a space
inside one entry (compound names such as عبد_الله).
"""

from __future__ import annotations


def words(block: str) -> tuple[str, ...]:
    """Split a whitespace-separated block into entries, `_` meaning a space inside an entry."""
    return tuple(dict.fromkeys(w.replace("_", " ") for w in block.split()))


AR_MALE = words(
    """
    علي حسين حسن محمد أحمد محمود مصطفى حيدر كرار سجاد مرتضى منتظر مهدي عباس جعفر كاظم جاسم
    قاسم هادي صادق باقر رضا زيد عمر عثمان خالد وليد سعد سعيد فراس ليث أنس ياسر عمار مهند أثير
    ضرغام علاوي صلاح فلاح نجاح رعد رائد ماجد سامي سالم سلمان ستار جبار غفار عدنان عماد عامر
    عادل فاضل فائق فوزي قيس قصي نزار نبيل نصير ناصر نعمة هاشم هشام وسام وائل يوسف يونس يعقوب
    إبراهيم إسماعيل أمير أسامة أيمن بلال بشير بهاء تحسين ثامر جمال جلال حامد حمزة حازم حارث
    حسام حكيم خضير خليل داود رحيم رزاق رشيد رياض زهير سرمد سيف شاكر شهاب صباح صفاء ضياء طارق
    طالب طه ظافر عارف عبود عزيز علاء غسان غانم فارس فالح فرحان فيصل كامل كريم لؤي مازن مالك
    مجيد محسن مشتاق مصعب معن مؤمل مؤيد نوري هيثم وعد ياسين يحيى منذر مقداد ميثم حمودي جبر
    شلال عواد خلف مطشر سوادي عبيد فليح دحام حنون زغير ثجيل عجيل مزهر سلطان شنون حمدان جودة
    بدر كاطع مطر عطية لفتة دخيل نايف مثنى أركان بسام توفيق جواد حميد راضي زامل سلام شوكت
    صالح ضاري عقيل غزوان قحطان كاظم لطيف مهدي نجم هلال وحيد ياسر أكرم إحسان أنور حبيب
    زين_العابدين نور_الدين سيف_الدين عز_الدين علاء_الدين محيي_الدين عبد_الله عبد_الرحمن
    عبد_الكريم عبد_الأمير عبد_الحسين عبد_الزهرة عبد_الرضا عبد_الجبار عبد_الستار عبد_الرزاق
    عبد_الوهاب عبد_العزيز عبد_الحميد عبد_المجيد عبد_الهادي عبد_الكاظم عبد_علي عبد_الباقي
    عبد_السلام عبد_القادر عبد_الرحيم عبد_اللطيف عبد_الغني عبد_الخالق عبد_المنعم
    """
)

AR_FEMALE = words(
    """
    زهراء زينب فاطمة مريم نور هدى رقية حوراء بنين رسل تبارك نبأ غفران هبة إسراء دعاء سرى سجى
    شهد طيبة آيات أديان ضحى رند دانية ملاك ريام زهرة سارة رغد رحاب رنا ريم سهى سناء سلمى
    سميرة سعاد صبا صفا عبير علياء غدير فرح لمى لبنى ليلى مها منى ميس نادية نجلاء نوال هالة
    هند وداد وفاء ياسمين أمل أسماء إيمان بتول بشرى جنان حنان خديجة خلود رباب زمن سهام شيماء
    صابرين عذراء عفاف كوثر لقاء مروة ميادة نرجس نسرين نهلة حياة جميلة كريمة حسنية سكينة
    وجدان سندس إخلاص أسيل آلاء تقى دينا رؤى زينة شروق ضمياء عائشة غادة فدك منار نغم هيام
    يقين نور_الهدى أم_البنين بيداء تغريد جيهان حلا خمائل ديانا رواء زمرد سحر شذى صبرية عالية
    """
)

AR_SURNAMES = words(
    """
    الربيعي الساعدي الجبوري الدليمي التميمي الخفاجي الزبيدي العبيدي الشمري الكعبي الموسوي
    الحسيني المالكي اللامي البهادلي الفريجي الدراجي العطواني الكناني الحلفي الشويلي العامري
    الأسدي الخزرجي الطائي العزاوي الكبيسي المشهداني الجنابي البياتي النعيمي العكيدي الحمداني
    السامرائي الراوي العاني الهيتي الحديثي الدوري الكرخي العلاق المحمداوي الغزي الركابي
    الحچامي الفتلاوي الياسري الحسناوي الكرعاوي الجوادي الشبلي الخاقاني الصافي الزيدي الشيباني
    العبودي الأزيرجاوي البديري الزركاني المياحي الإبراهيمي السعدي الطرفي العيساوي المرسومي
    الزاملي العتابي الجشعمي المنصوري الهاشمي الجادري السراي البطاط الكلابي الغريري الحياوي
    الشحماني السلطاني الخالدي البزوني الكروي المعموري الشريفي الدهلكي القيسي
    آل_ياسين آل_طعمة آل_كمونة آل_شبر
    """
)

KU_MALE = words(
    """
    ئاسۆ هێمن ڕێبوار شوان دلێر کاروان هەژار ئاراس بەختیار سیروان زانا ڕزگار نەوزاد ئازاد هاوکار
    سەردار گۆران ژیار بێستون ئارام دیار هیوا شاخەوان سامان ڕەوەند پشتیوان بەرزان ئاکۆ ئالان
    دانا کامەران فەرهاد سۆران هەڵگورد لاوان هۆگر سالار سەرکەوت شۆڕش کارزان کەریم مەحمود عەلی
    ئەحمەد حەسەن حوسێن عوسمان ڕەسوڵ قادر سەعید عەبدوڵڵا مستەفا ئیبراهیم جەلال ڕەشید خالید
    محەمەد عومەر سەلام فەرەیدون جەمال کەمال ئەنوەر نەجمەدین تاهیر شێرزاد ئیدریس یوسف عادل
    جەبار قاسم حەمە فایەق مەجید ئەمین ڕەحیم نوری حەکیم عەزیز ڕەئوف هاشم سدیق بەکر شەمسەدین
    ئومێد بەهرۆز دڵشاد ڕێباز شەهاب کوێخا هەردی ئاوێر ڕامیار ژاکاو زریان
    """
)

KU_FEMALE = words(
    """
    ژیان هێرۆ نازدار شیلان ڤیان ڕوناک گوڵاڵە بەهار چنار سازان پەری کوێستان نیگار هاوژین ڕۆژان
    تاڤگە دەریا شنۆ سۆزان ئاڤان بەفرین هەتاو ڕێژنە لانە شادی ئاشتی سەیران گەلاوێژ نەسرین
    ئامینە فاتیمە زەینەب عائیشە خەدیجە مەریەم سیما پەخشان شەونم ناسک ڕەنگین خونچە هانا
    ئەڤین ڤینۆس شیرین گوڵشەن ڕووناک بێریڤان هەلاڵە ژینۆ
    """
)

KU_SURNAMES = words(
    """
    جاف هەورامی زەنگەنە بەرزنجی دزەیی شوانی سۆرانی بالەکی خۆشناو پشدەری مەنگوڕی گەرمیانی
    کاکەیی بابانی هەمەوەندی سورچی هەرکی زێباری مزووری بادینانی ڕەواندزی کۆیی ئاکرەیی
    قەرەداغی شارەزووری بانەیی شێخانی باڵەتەیی بەرواری گەڵاڵی
    """
)

EN_MALE = words(
    """
    Ahmed Ali Hussein Hassan Mohammed Mahmoud Mustafa Haider Karrar Sajjad Murtadha Muntadhar
    Mahdi Abbas Jaafar Kadhim Jassim Qasim Hadi Sadiq Baqir Ridha Zaid Omar Othman Khalid Waleed
    Saad Firas Laith Anas Yasir Ammar Muhannad Atheer Dhurgham Salah Falah Raad Raed Majid Sami
    Salem Salman Sattar Jabbar Adnan Imad Amer Adel Fadhil Qais Qusay Nizar Nabil Nasser Hashim
    Hisham Wisam Wael Yousif Younis Ibrahim Ismail Ameer Osama Ayman Bilal Bahaa Thamer Jamal
    Hamid Hamza Hazim Harith Hussam Khalil Dawood Raheem Razzaq Rasheed Riyadh Zuhair Sarmad
    Saif Shakir Sabah Diyaa Tariq Talib Taha Aziz Alaa Ghassan Fares Faisal Kamil Kareem Luay
    Mazin Malik Mushtaq Muamal Muayad Haitham Yahya Muqdad Maytham Abdullah Abdulrahman
    Abdulkareem Abdulameer Abdulhussein Abdulzahra Abdulridha Abduljabbar Abdulsattar
    Aso Hemin Rebwar Shwan Diler Karwan Hazhar Aras Bakhtiyar Sirwan Zana Rizgar Nawzad Azad
    Hawkar Sardar Goran Zhyar Bestun Aram Diyar Hiwa Shakhawan Saman Pshtiwan Barzan Ako Alan
    Dana Kamaran Farhad Soran Halgurd Salar Sarkawt Karzan Omed Dilshad Rebaz
    """
)

EN_FEMALE = words(
    """
    Zahraa Zainab Fatima Maryam Noor Huda Ruqaya Hawraa Baneen Rusul Tabarek Naba Ghufran Hiba
    Israa Duaa Sura Saja Shahad Tayba Ayat Duha Rand Dania Malak Riyam Sara Raghad Rihab Rana
    Reem Suha Sanaa Salma Samira Suad Saba Safa Abeer Alyaa Ghadeer Farah Lama Lubna Layla Maha
    Muna Mais Nadia Najlaa Nawal Hala Hind Widad Wafaa Yasmeen Amal Asmaa Eman Batool Bushra
    Zhiyan Hero Nazdar Shilan Vian Runak Gulala Bahar Chnar Sazan Pari Kwestan Nigar Hawzhin
    Rozhan Tavga Darya Shno Sozan Avan Bafrin Hataw Ashti Sayran Galawezh Parwin Shirin Berivan
    """
)

EN_SURNAMES = words(
    """
    Al-Rubaie Al-Saadi Al-Jubouri Al-Dulaimi Al-Tamimi Al-Khafaji Al-Zubaidi Al-Obaidi
    Al-Shammari Al-Kaabi Al-Musawi Al-Husseini Al-Maliki Al-Lami Al-Bahadli Al-Fraiji Al-Darraji
    Al-Kinani Al-Amiri Al-Asadi Al-Khazraji Al-Taie Al-Azzawi Al-Kubaisi Al-Mashhadani
    Al-Janabi Al-Bayati Al-Nuaimi Al-Hamdani Al-Samarrai Al-Rawi Al-Ani Al-Hiti Al-Douri
    Al-Allaq Al-Mohammedawi Al-Rikabi Al-Fatlawi Al-Yasiri Al-Hasnawi Al-Shibli Al-Khaqani
    Al-Safi Al-Zaidi Al-Shaibani Al-Saedi Al-Badri Al-Mayahi Al-Ibrahimi Al-Issawi Al-Attabi
    Jaff Hawrami Zangana Barzinji Dizayee Shwani Sorani Balaki Khoshnaw Pshdari Mangury Garmiani
    Kakai Babani Hamawandi Surchi Zebari Mizuri Rawanduzi Koyi Qaradaghi Sharazuri Barwari
    """
)

# Figures from Iraqi and Kurdish history, culture and science: public by any standard.
AR_HISTORIC = words(
    """
    عبد_الكريم_قاسم نوري_السعيد بدر_شاكر_السياب محمد_مهدي_الجواهري نازك_الملائكة ناظم_الغزالي
    زها_حديد جواد_سليم علي_الوردي مصطفى_جواد معروف_الرصافي جميل_صدقي_الزهاوي عبد_الوهاب_البياتي
    يوسف_العاني سليمة_مراد محمد_القبانجي
    """
)

KU_HISTORIC = words(
    """
    عەبدوڵڵا_گۆران شێرکۆ_بێکەس مەحوی نالی پیرەمێرد ئەحمەدی_خانی حەسەن_زیرەک مستەفا_بارزانی
    لەیلا_قاسم ئیبراهیم_ئەحمەد هێمن_موکریانی عەلی_مەردان
    """
)

EN_HISTORIC = words(
    """
    Abd_al-Karim_Qasim Nuri_al-Said Badr_Shakir_al-Sayyab Nazik_al-Malaika Zaha_Hadid
    Jawad_Saleem Ali_al-Wardi Muhammad_Mahdi_al-Jawahiri Nazem_al-Ghazali Sherko_Bekas
    Abdulla_Goran Leyla_Qasim Ahmad_Khani Hasan_Zirak
    """
)
