"""Prüft den Katalog der offenen Daten (daten/katalog.jsonld) gegen DCAT-AP.de:
die SHACL-Formen von DCAT-AP 3.0 (SEMIC) und die deutschen Ergänzungen mit
deutschen Meldungen (GovData), beide in tools/dcat/formen/ (Lizenzen dort).
Prüft mit pyshacl (Version in anforderungen.txt).

Aufruf: python tools/dcat/pruefen.py WEBSITE/daten/katalog.jsonld [...]
Endet mit 1, wenn eine Form verletzt ist, und nennt jede Verletzung. Die
Adressen im Katalog sind relativ; sie werden gegen eine Beispieladresse
aufgelöst, wie ein Harvester sie gegen die Adresse des Katalogs auflöst.
"""

import pathlib
import sys

import pyshacl
import rdflib

FORMEN = pathlib.Path(__file__).parent / "formen"
BASIS = "https://kataster.example/daten/katalog.jsonld"


def main(dateien: list[str]) -> int:
    formen = rdflib.Graph()
    for f in sorted(FORMEN.glob("*.ttl")):
        formen.parse(f, format="turtle")
    gut = True
    for datei in dateien:
        daten = rdflib.Graph()
        daten.parse(datei, format="json-ld", publicID=BASIS)
        konform, _, text = pyshacl.validate(daten, shacl_graph=formen, inference="none")
        datensaetze = len(list(daten.subjects(rdflib.RDF.type, rdflib.URIRef("http://www.w3.org/ns/dcat#Dataset"))))
        print(
            f"{datei}: DCAT-AP.de {'erfüllt' if konform else 'NICHT erfüllt'} "
            f"({len(daten)} Aussagen, {datensaetze} Datensätze, pyshacl {pyshacl.__version__})"
        )
        if not konform:
            gut = False
            print(text)
    return 0 if gut else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
