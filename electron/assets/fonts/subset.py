#!/usr/bin/python3
"""
Make the chart font: Noto Sans CJK SC (SIL Open Font License 1.1, see OFL.txt) cut down to the
characters of GB2312 — every character of Chinese official documents, place and company names in
common use — plus ASCII, Latin-1, punctuation, arrows, maths, circled and full-width forms.
The full font is 19 MB and takes ECharts' PNG rendering (resvg) 300 ms to load; this one is a
fraction. Run on a machine with fonts-noto-cjk and python3-fonttools; the result is committed.

  /usr/bin/python3 electron/assets/fonts/subset.py
"""
import os
from fontTools import subset
from fontTools.ttLib import TTCollection

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCES = {
    'Regular': '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
    'Bold': '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc',
}
SC = 2  # the Simplified Chinese face of the collection


def gb2312():
    chars = set()
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.add(bytes([hi, lo]).decode('gb2312'))
            except UnicodeDecodeError:
                pass
    return chars


def ranges(*pairs):
    return {chr(c) for a, b in pairs for c in range(a, b + 1)}


CHARS = gb2312() | ranges(
    (0x20, 0x7E), (0xA0, 0xFF), (0x2000, 0x206F), (0x2100, 0x214F), (0x2150, 0x218F), (0x2190, 0x21FF),
    (0x2200, 0x22FF), (0x2460, 0x24FF), (0x2500, 0x257F), (0x25A0, 0x25FF), (0x3000, 0x303F), (0xFF00, 0xFFEF),
)

for weight, path in SOURCES.items():
    font = TTCollection(path).fonts[SC]
    options = subset.Options()
    options.layout_features = ['*']
    options.name_IDs = ['*']
    options.notdef_outline = True
    options.hinting = False
    options.desubroutinize = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=''.join(sorted(CHARS)))
    subsetter.subset(font)
    out = os.path.join(HERE, f'NotoSansSC-{weight}-GB2312.otf')
    font.save(out)
    print(out, os.path.getsize(out) // 1024, 'KB,', len(CHARS), 'characters')
