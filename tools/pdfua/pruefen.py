"""Prüft PDFs gegen PDF/UA-1 mit page-validation (PyPI, Version in anforderungen.txt).

Aufruf: python tools/pdfua/pruefen.py DATEI.pdf [...]
Endet mit 1, wenn eine Regel verletzt ist, und nennt jede verletzte Regel.
"""

import sys

import page


def main(dateien: list[str]) -> int:
    gut = True
    for datei in dateien:
        bericht = page.validate_pdf(datei, profile=page.ValidationProfile.PDF_UA_1)
        regeln = bericht.rules
        print(
            f"{datei}: PDF/UA-1 {'erfüllt' if bericht.is_compliant else 'NICHT erfüllt'} "
            f"({regeln.passed} von {regeln.total} Regeln bestanden, page-validation {page.__version__})"
        )
        for f in bericht.failures:
            print(f"  Regel {f.rule_id}: {f.message}")
        gut = gut and bericht.is_compliant
    return 0 if gut else 1


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print(__doc__)
        sys.exit(2)
    sys.exit(main(sys.argv[1:]))
