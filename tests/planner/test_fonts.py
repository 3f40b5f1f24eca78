from planner.fonts import EMOJI, FALLBACK, font_runs, printable_markup, register_fonts


def test_markup_characters_are_escaped():
    fonts = register_fonts()
    assert printable_markup('<b>"Tom" & Jerry</b>', fonts) == (
        "&lt;b&gt;&quot;Tom&quot; &amp; Jerry&lt;/b&gt;"
    )


def test_letters_the_main_font_lacks_use_the_fallback():
    fonts = register_fonts()
    assert printable_markup("Llŷr", fonts) == f'Ll<font face="{FALLBACK}">ŷ</font>r'


def test_emoji_print_from_the_one_colour_emoji_font():
    fonts = register_fonts()
    assert printable_markup("hi 😊\u200d!", fonts) == f'hi <font face="{EMOJI}">😊</font>!'


def test_characters_no_font_has_become_their_names():
    fonts = register_fonts()
    assert printable_markup("a \U00013000 b", fonts) == "a [egyptian hieroglyph a001] b"


def test_a_word_of_a_shaped_script_keeps_its_spaces_punctuation_and_marks():
    fonts = register_fonts()
    assert font_runs("ok ক্ষ। ok", fonts) == [
        ("Atkinson", "ok "),
        ("NotoSansBengali", "ক্ষ। "),
        ("Atkinson", "ok"),
    ]
    # What the script's face lacks comes from the main face.
    assert font_runs("(খান)", fonts) == [
        ("Atkinson", "("),
        ("NotoSansBengali", "খান"),
        ("Atkinson", ")"),
    ]


def test_joiners_stay_where_shaping_reads_them():
    fonts = register_fonts()
    assert font_runs("র\u200dয", fonts) == [("NotoSansBengali", "র\u200dয")]
    assert font_runs("a\u200db", fonts) == [("Atkinson", "ab")]


def test_letters_noto_sans_shares_with_a_script_face_print_in_the_script_face():
    fonts = register_fonts()
    assert font_runs("प्रिया", fonts) == [("NotoSansDevanagari", "प्रिया")]


def test_new_lines_are_kept_and_control_characters_dropped():
    fonts = register_fonts()
    assert printable_markup("one\ntwo\x07\tthree", fonts) == "one<br/>two three"
