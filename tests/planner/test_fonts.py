from planner.fonts import FALLBACK, printable_markup, register_fonts


def test_markup_characters_are_escaped():
    fonts = register_fonts()
    assert printable_markup('<b>"Tom" & Jerry</b>', fonts) == (
        "&lt;b&gt;&quot;Tom&quot; &amp; Jerry&lt;/b&gt;"
    )


def test_letters_the_main_font_lacks_use_the_fallback():
    fonts = register_fonts()
    assert printable_markup("Llŷr", fonts) == f'Ll<font face="{FALLBACK}">ŷ</font>r'


def test_characters_no_font_has_become_their_names():
    fonts = register_fonts()
    assert printable_markup("hi 😊\u200d!", fonts) == "hi [smiling face with smiling eyes]!"


def test_new_lines_are_kept_and_control_characters_dropped():
    fonts = register_fonts()
    assert printable_markup("one\ntwo\x07\tthree", fonts) == "one<br/>two three"
