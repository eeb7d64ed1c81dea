import random, csv
rng = random.Random(20261201)
rows=[]
for i in range(1,401):
    age = rng.choices(['18-34','35-54','55+'],[0.40,0.35,0.25])[0]
    gender = rng.choices(['1','2'],[0.5,0.5])[0]
    # weights: sample overrepresents young
    w = {'18-34':0.75,'35-54':1.1,'55+':1.4}[age]*rng.uniform(0.8,1.25)
    # filter: app has location access 1 yes 2 no 9 dk
    loc = rng.choices(['1','2','9'],[0.70,0.25,0.05])[0]
    exp=''
    if loc=='1':
        exp = rng.choices(['1','2','3','4','9'],[0.45,0.30,0.12,0.05,0.08])[0]
    acc = rng.choices(['1','2','9'],[0.22,0.72,0.06])[0]
    if exp in ('1','2') and rng.random()<0.15: acc='1'
    read = rng.choices(['1','2'],[0.12,0.88])[0]
    rows.append([f"S{i:04d}",f"{w:.4f}".replace('.',','),age,gender,loc,exp,acc,read])
with open('responses.csv','w',newline='') as f:
    wr=csv.writer(f,delimiter=';')
    wr.writerow(['lfd_nr','gewicht','alter','geschlecht','f1_standort','f2_erwartung','f3_ok','f4_gelesen'])
    wr.writerows(rows)
