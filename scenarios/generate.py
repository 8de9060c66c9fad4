#!/usr/bin/env python3
"""Writes the shipped scenarios (deterministic: fixed seeds). Run from this folder: ./generate.py"""
import json
import random


def cp(id, cluster=None, connection="threePhase", rotation="L1L2L3", phase="L1", max_a=32, failsafe=6):
    c = {"id": id, "connection": connection, "maxCurrentA": max_a, "failsafeCurrentA": failsafe}
    if cluster:
        c["cluster"] = cluster
    if connection == "threePhase":
        c["rotation"] = rotation
    else:
        c["phase"] = phase
    return c


def ev(id, cp_id, arrive, depart, phases=3, max_a=16, battery=60000, soc=0.3, target=0.9, taper=0.8, reaction=2, min_a=6):
    return {"id": id, "chargePoint": cp_id, "arrive": arrive, "depart": depart, "phases": phases,
            "maxCurrentA": max_a, "minCurrentA": min_a, "batteryWh": battery, "initialSoc": soc,
            "targetSoc": target, "taperFromSoc": taper, "reactionSeconds": reaction}


def site(max_a, meter=True, fallback=11000, unbalanced=None, power=None, rotation=15):
    s = {"maxCurrentA": max_a, "maxPowerW": power, "nominalVoltageV": 230, "minChargingCurrentA": 6,
         "unbalancedLoadLimitA": unbalanced, "rotationMinutes": rotation}
    if meter:
        s["meter"] = {"pollSeconds": 1, "fallbackPowerW": fallback}
    return s


def write(name, scenario):
    scenario = {"name": name, **scenario}
    with open(f"{name}.json", "w") as f:
        json.dump(scenario, f, indent=2)
        f.write("\n")


ROT = ["L1L2L3", "L2L3L1", "L3L1L2"]

# 1. Office, 12 stations, mixed fleet (single-phase cars at three-phase stations), a garage cluster.
r = random.Random(12)
office_rotations = ["L1L2L3", "L2L3L1", "L3L1L2", "L1L2L3", "L2L3L1", "L3L1L2", "L1L2L3", "L2L3L1", "L3L1L2", "L2L3L1", "L2L3L1", "L3L1L2"]
cps = [cp(f"cp{i+1}", cluster="garage" if i < 4 else None, rotation=office_rotations[i]) for i in range(12)]
vehicles = []
for i in range(12):
    phases = [1, 1, 3, 2, 3, 1][i % 6]
    max_a = {1: 32, 2: 16, 3: 16}[phases] if i % 4 else 10
    arrive = r.randint(0, 3600)
    vehicles.append(ev(f"ev{i+1}", f"cp{i+1}", arrive, arrive + r.randint(6, 9) * 3600, phases, max_a,
                       battery=r.choice([40000, 60000, 80000]), soc=round(r.uniform(0.1, 0.5), 2)))
write("office-12-mixed", {
    "durationSeconds": 36000, "stepSeconds": 1,
    "site": site(63),
    "clusters": [{"id": "garage", "maxCurrentA": 40, "minChargingCurrentA": 6}],
    "chargePoints": cps,
    "householdLoad": [{"t": 0, "l1": 10, "l2": 8, "l3": 9}, {"t": 3600, "l1": 18, "l2": 16, "l3": 17},
                      {"t": 14400, "l1": 12, "l2": 11, "l3": 12}, {"t": 28800, "l1": 6, "l2": 5, "l3": 6}],
    "vehicles": vehicles, "events": []})

# 2. Single-phase cars on three-phase and rotated stations, and on single-phase stations.
cps = [cp(f"r{i+1}", rotation=ROT[(i // 3) % 3]) for i in range(9)] + \
      [cp(f"s{i+1}", connection="singlePhase", phase=["L1", "L2", "L3"][i % 3], max_a=32, failsafe=0) for i in range(3)]
vehicles = [ev(f"ev{i+1}", c["id"], 60 * i, 60 * i + 6 * 3600, phases=1 if i % 3 else 3, max_a=32 if i % 3 else 16,
               battery=50000, soc=0.2) for i, c in enumerate(cps)]
write("single-phase-rotated", {
    "durationSeconds": 25200, "stepSeconds": 1, "site": site(50, meter=False),
    "clusters": [], "chargePoints": cps, "householdLoad": [], "vehicles": vehicles, "events": []})

# 3. Unbalanced-load limit (VDE-AR-N 4100: 20 A): single-phase cars and single-phase stations, unevenly spread.
cps = [cp(f"cp{i+1}", rotation=["L1L2L3", "L1L2L3", "L2L3L1", "L3L1L2", "L1L2L3", "L2L3L1", "L1L2L3", "L3L1L2"][i]) for i in range(8)] + \
      [cp(f"sp{i+1}", connection="singlePhase", phase=["L1", "L1", "L2", "L3"][i], max_a=32, failsafe=0) for i in range(4)]
phases = [1, 3, 1, 3, 1, 3, 3, 1, 1, 1, 1, 1]
vehicles = [ev(f"ev{i+1}", c["id"], 120 * i, 120 * i + 6 * 3600, phases=phases[i], max_a=32 if phases[i] == 1 else 16,
               battery=60000, soc=0.3) for i, c in enumerate(cps)]
write("unbalanced-load", {
    "durationSeconds": 25200, "stepSeconds": 1, "site": site(63, meter=False, unbalanced=20),
    "clusters": [], "chargePoints": cps, "householdLoad": [], "vehicles": vehicles, "events": []})

# 4. A long queue: 30 vehicles, room for 8 at the minimum, 15-minute rotation.
cps = [cp(f"cp{i+1}", rotation=ROT[i % 3]) for i in range(30)]
vehicles = [ev(f"ev{i+1}", f"cp{i+1}", 30 * i, 30 * i + 10 * 3600, phases=3, max_a=16, battery=30000, soc=0.4,
               target=0.8) for i in range(30)]
write("long-queue", {
    "durationSeconds": 39600, "stepSeconds": 1, "site": site(50, meter=False),
    "clusters": [], "chargePoints": cps, "householdLoad": [], "vehicles": vehicles, "events": []})

# 5. Meter loss with household load steps and a fallback power.
rotations = ["L1L2L3", "L1L2L3", "L2L3L1", "L3L1L2", "L3L1L2", "L2L3L1", "L1L2L3", "L2L3L1"]
cps = [cp(f"cp{i+1}", rotation=rotations[i]) for i in range(8)]
vehicles = [ev(f"ev{i+1}", f"cp{i+1}", 300 * i, 300 * i + 8 * 3600, phases=[3, 1, 3, 2][i % 4], max_a=16,
               battery=70000, soc=0.2) for i in range(8)]
write("meter-loss", {
    "durationSeconds": 32400, "stepSeconds": 1, "site": site(63, fallback=11000),
    "clusters": [], "chargePoints": cps,
    "householdLoad": [{"t": 0, "l1": 5, "l2": 5, "l3": 5}, {"t": 1800, "l1": 30, "l2": 28, "l3": 30},
                      {"t": 5400, "l1": 12, "l2": 14, "l3": 12}, {"t": 9000, "l1": 15, "l2": 15, "l3": 15},
                      {"t": 16000, "l1": 38, "l2": 38, "l3": 36}, {"t": 20000, "l1": 8, "l2": 7, "l3": 7}],
    "vehicles": vehicles,
    "events": [{"t": 7200, "type": "meterOffline", "durationSeconds": 300},
               {"t": 18000, "type": "meterOffline", "durationSeconds": 120}]})

# 6. Limit changes: backend site limits, a per-station OCPP limit, a station that drops off the network.
cps = [cp(f"cp{i+1}", rotation=ROT[(i // 3) % 3], failsafe=8) for i in range(10)]
vehicles = [ev(f"ev{i+1}", f"cp{i+1}", 200 * i, 200 * i + 7 * 3600, phases=[3, 3, 1][i % 3], max_a=16 if i % 3 < 2 else 32,
               battery=60000, soc=0.25) for i in range(10)]
write("limit-changes", {
    "durationSeconds": 28800, "stepSeconds": 1, "site": site(80, meter=False),
    "clusters": [], "chargePoints": cps, "householdLoad": [], "vehicles": vehicles,
    "events": [{"t": 3600, "type": "siteLimit", "maxCurrentA": 50},
               {"t": 5400, "type": "chargePointLimit", "chargePoint": "cp2", "maxCurrentA": 8},
               {"t": 7200, "type": "chargePointOffline", "chargePoint": "cp4", "durationSeconds": 600},
               {"t": 10800, "type": "siteLimit", "maxCurrentA": 80},
               {"t": 14400, "type": "siteLimit", "maxCurrentA": 32}]})

# 7. A 200-station site over 24 hours in 15 clusters.
r = random.Random(200)
clusters = [{"id": f"c{k+1}", "maxCurrentA": 160, "minChargingCurrentA": 6} for k in range(15)]
cps = [cp(f"cp{i+1:03d}", cluster=f"c{(i % 15) + 1}", rotation=ROT[i % 3], max_a=32, failsafe=0) for i in range(200)]
vehicles = []
for i in range(200):
    t = r.randint(0, 6 * 3600)
    for visit in range(2):
        phases = r.choice([1, 1, 2, 3, 3, 3])
        stay = r.randint(3, 9) * 3600
        if t + stay > 86400:
            break
        vehicles.append(ev(f"ev{i+1:03d}-{visit+1}", f"cp{i+1:03d}", t, t + stay, phases,
                           {1: 32, 2: 16, 3: r.choice([11, 16, 32])}[phases], battery=r.choice([40000, 60000, 80000]),
                           soc=round(r.uniform(0.1, 0.6), 2)))
        t += stay + r.randint(600, 7200)
write("site-200", {
    "durationSeconds": 86400, "stepSeconds": 1, "site": site(1000, fallback=100000),
    "clusters": clusters, "chargePoints": cps,
    "householdLoad": [{"t": 0, "l1": 40, "l2": 35, "l3": 30}, {"t": 28800, "l1": 120, "l2": 110, "l3": 100},
                      {"t": 64800, "l1": 60, "l2": 55, "l3": 50}],
    "vehicles": vehicles, "events": [{"t": 43200, "type": "meterOffline", "durationSeconds": 60}]})

# The smallest scenarios that showed each finding of the allocator's second pass (issue 10), one per finding.

# 8. Admission thrash: five cars under a 10 A unbalanced-load limit on a 16 A site. Admitting in priority order
#    rejected an active single-phase car until the cars on the other phases were in, let a waiting car take its place
#    and turned the charges on and off every second.
cps = [cp("a", rotation="L3L1L2", failsafe=0), cp("b", connection="singlePhase", phase="L1", failsafe=0),
       cp("c", connection="singlePhase", phase="L3", failsafe=0), cp("d", rotation="L3L1L2", failsafe=0),
       cp("e", rotation="L2L3L1", failsafe=0)]
vehicles = [ev("ev1", "a", 11, 3600, phases=1, max_a=32, battery=80000), ev("ev2", "b", 7, 3600, phases=1, max_a=16, battery=80000),
            ev("ev3", "c", 44, 3600, phases=1, max_a=32, battery=80000), ev("ev4", "d", 22, 3600, phases=2, max_a=16, battery=80000),
            ev("ev5", "e", 7, 3600, phases=1, max_a=16, battery=80000)]
write("thrash-unbalanced-5", {
    "durationSeconds": 3600, "stepSeconds": 1, "site": site(16, meter=False, unbalanced=10),
    "clusters": [], "chargePoints": cps, "householdLoad": [], "vehicles": vehicles, "events": []})

# 9. Unbalanced-load credit: three single-phase stations, one per phase, limit 16 A. The low phase's setpoint was
#    credited although its tapering car drew less, so the real imbalance exceeded the limit.
cps = [cp("l3", connection="singlePhase", phase="L3", failsafe=0), cp("l2", connection="singlePhase", phase="L2", failsafe=0),
       cp("l1", connection="singlePhase", phase="L1", failsafe=0)]
vehicles = [ev("ev1", "l3", 61, 7200, phases=1, max_a=16, battery=60000, soc=0.85, target=0.95),
            ev("ev2", "l2", 66, 7200, phases=1, max_a=16, battery=20000, soc=0.3, target=0.95),
            ev("ev3", "l1", 53, 7200, phases=1, max_a=32, battery=60000, soc=0.7, target=0.95)]
write("unbalanced-credit-3", {
    "durationSeconds": 3600, "stepSeconds": 1, "site": site(40, meter=False, unbalanced=16),
    "clusters": [], "chargePoints": cps, "householdLoad": [], "vehicles": vehicles, "events": []})

# 10. Rounding against the unbalanced-load limit: six single-phase cars (one on L1, three on L2, two on L3), 25 A site,
#     limit 10 A. Rounding down and holding back small changes lowered the low phase, and the final check then zeroed
#     whole phases.
cps = [cp("c1", rotation="L1L2L3", failsafe=0), cp("c2", rotation="L3L1L2", failsafe=0), cp("c3", rotation="L2L3L1", failsafe=0),
       cp("c5", connection="singlePhase", phase="L2", failsafe=0), cp("c9", rotation="L2L3L1", failsafe=0),
       cp("c11", rotation="L3L1L2", failsafe=0)]
vehicles = [ev("ev1", "c1", 18, 7200, phases=1, max_a=16, battery=60000, soc=0.85, target=0.95),
            ev("ev2", "c2", 41, 7200, phases=1, max_a=16, battery=60000, soc=0.3, target=0.95),
            ev("ev3", "c3", 42, 7200, phases=1, max_a=16, battery=20000, soc=0.7, target=0.95),
            ev("ev5", "c5", 35, 7200, phases=1, max_a=10, battery=60000, soc=0.3, target=0.95),
            ev("ev9", "c9", 21, 7200, phases=1, max_a=16, battery=20000, soc=0.3, target=0.95),
            ev("ev11", "c11", 16, 7200, phases=1, max_a=16, battery=60000, soc=0.85, target=0.95)]
write("unbalanced-rounding-6", {
    "durationSeconds": 3600, "stepSeconds": 1, "site": site(25, meter=False, unbalanced=10),
    "clusters": [], "chargePoints": cps, "householdLoad": [], "vehicles": vehicles, "events": []})

# 11. Unknown phases: the household takes L2 and L3 almost to the limit from the second hour while L1 has 25 A
#     spare. A single-phase car that charged at the station in the first hour is followed by another one; counted on
#     three phases until it draws, it could never start.
cps = [cp("home", rotation="L1L2L3", failsafe=0)]
vehicles = [ev("ev1", "home", 0, 3000, phases=1, max_a=16, battery=40000, soc=0.5),
            ev("ev2", "home", 4000, 14400, phases=1, max_a=16, battery=40000, soc=0.3)]
write("unknown-phases", {
    "durationSeconds": 14400, "stepSeconds": 1, "site": site(32, fallback=0),
    "clusters": [], "chargePoints": cps,
    "householdLoad": [{"t": 0, "l1": 5, "l2": 5, "l3": 5}, {"t": 3600, "l1": 7, "l2": 29, "l3": 28}],
    "vehicles": vehicles, "events": []})

# 12. Rotation throughput: twelve cars, room for four at the minimum current. One queue head per rotation period made
#     the last car wait eight periods; rotating min(queue, active) bounds the wait by two.
cps = [cp(f"cp{i+1}", rotation=ROT[i % 3], failsafe=0) for i in range(12)]
vehicles = [ev(f"ev{i+1}", f"cp{i+1}", 10 * i, 4 * 3600, phases=3, max_a=16, battery=80000, soc=0.2) for i in range(12)]
write("rotation-throughput", {
    "durationSeconds": 4 * 3600, "stepSeconds": 1, "site": site(24, meter=False),
    "clusters": [], "chargePoints": cps, "householdLoad": [], "vehicles": vehicles, "events": []})

# 13. A car that needs 10 A to start (some Renaults, many plug-in hybrids) among four others on 32 A: offered its
#     6.4 A share it pauses, was taken for "paused by itself" and never charged.
cps = [cp(f"cp{i+1}", rotation=ROT[i % 3], failsafe=0) for i in range(5)]
vehicles = [ev(f"ev{i+1}", f"cp{i+1}", 30 * i, 4 * 3600, phases=3, max_a=16, battery=80000, soc=0.2) for i in range(4)] + \
           [ev("needs10", "cp5", 300, 4 * 3600, phases=3, max_a=32, battery=40000, soc=0.2, min_a=10)]
write("learned-minimum", {
    "durationSeconds": 4 * 3600, "stepSeconds": 1, "site": site(32, meter=False),
    "clusters": [], "chargePoints": cps, "householdLoad": [], "vehicles": vehicles, "events": []})

# 14. Probing: two cars tapering for hours next to one that wants everything, on 48 A. Probing the tapering cars
#     back up to their full share every few minutes took current from the other for nothing, with many commands.
cps = [cp("t1", failsafe=0), cp("t2", rotation="L2L3L1", failsafe=0), cp("b", rotation="L3L1L2", failsafe=0)]
vehicles = [ev("taper1", "t1", 0, 4 * 3600, phases=3, max_a=32, battery=100000, soc=0.85, target=1.0, taper=0.5),
            ev("taper2", "t2", 0, 4 * 3600, phases=3, max_a=32, battery=100000, soc=0.85, target=1.0, taper=0.5),
            ev("bulk", "b", 0, 4 * 3600, phases=3, max_a=32, battery=100000, soc=0.1, target=1.0)]
write("probe-steps", {
    "durationSeconds": 4 * 3600, "stepSeconds": 1, "site": site(48, meter=False),
    "clusters": [], "chargePoints": cps, "householdLoad": [], "vehicles": vehicles, "events": []})

# 15. The availability bound: a 32 A car at a 16 A station alone. The old bound counted the car's 32 A, so a perfect
#     controller scored 0.606.
write("station-maximum", {
    "durationSeconds": 7200, "stepSeconds": 1, "site": site(63, meter=False),
    "clusters": [], "chargePoints": [cp("cp1", max_a=16, failsafe=0)], "householdLoad": [],
    "vehicles": [ev("ev1", "cp1", 0, 7200, phases=3, max_a=32, battery=80000, soc=0.2)], "events": []})
