"""Exact optima of the Trigeiro, Thomas & McClain (1989) CLSP set F (F1-F70).

Facility-location formulation (Krarup & Bilde 1977; used for the CLSP by e.g. Eppen & Martin
1987): z[i,s,t] = share of item i's demand of period t produced in period s <= t, y[i,s] in
{0,1} a setup; minimise sum setup_cost*y + holding_cost*(t-s)*d[i,t]*z subject to
sum_s z[i,s,t] = 1, z[i,s,t] <= y[i,s], per period sum_i (setup_time*y + unit_capacity_use*
d*z) <= capacity. Same model as /work/shared/data/README.md (no backlog, zero start and end
stock, holding cost on the stock at the end of each period, no production cost). Solved by
HiGHS (Huangfu & Hall 2018, "Parallelizing the dual revised simplex method", Math. Prog.
Comp. 10:119-142; branch and cut) through SciPy 1.17 scipy.optimize.milp with mip_rel_gap 0.

Usage: python3 tools/clsp/trigeiro_exact.py [TIME_LIMIT_SECONDS] [DATA_DIR]
Prints one line per instance: instance status objective dual_bound seconds
(status 0 = proven optimal). The repository's reference file
c2m-examples/src/main/resources/io/c2m/examples/bench/trigeiro-F-optima.csv was made with
this script (all 70 instances status 0, about 9 minutes in all on a shared 2-core machine).
"""
import csv, sys, time, numpy as np
from scipy.optimize import milp, LinearConstraint, Bounds
from scipy.sparse import lil_matrix
d=(sys.argv[2] if len(sys.argv)>2 else '../shared/data/lotsizing').rstrip('/')+'/'
items={}; dem={}
for r in csv.DictReader(open(d+'clsp_trigeiro_F_items.csv')):
    items.setdefault(r['instance'],[]).append(r)
for r in csv.DictReader(open(d+'clsp_trigeiro_F_demand.csv')):
    dem[(r['instance'],int(r['item']),int(r['period']))]=float(r['demand'])
def solve(inst, tl):
    its=items[inst]; N=len(its); T=int(its[0]['n_periods']); C=float(its[0]['capacity_per_period'])
    # FL formulation: z[i,s,t] s<=t fraction of d[i,t] produced in s; y[i,s]
    idx={}; n=0
    for i in range(N):
        for s in range(T):
            for t in range(s,T):
                idx[('z',i,s,t)]=n; n+=1
    for i in range(N):
        for s in range(T): idx[('y',i,s)]=n; n+=1
    c=np.zeros(n); integ=np.zeros(n); lb=np.zeros(n); ub=np.ones(n)
    rows=[]; lo=[]; hi=[]
    A=lil_matrix((N*T + T + N*T*T, n)); r=0
    for i,it in enumerate(its):
        h=float(it['holding_cost']); sc=float(it['setup_cost']); a=float(it['unit_capacity_use']); st=float(it['setup_time'])
        for s in range(T):
            c[idx[('y',i,s)]]=sc; integ[idx[('y',i,s)]]=1
            for t in range(s,T):
                D=dem[(inst,i+1,t+1)]; c[idx[('z',i,s,t)]]=h*(t-s)*D
        for t in range(T):
            D=dem[(inst,i+1,t+1)]
            if D==0:
                for s in range(t+1): ub[idx[('z',i,s,t)]]=0
                # demand row: sum z = 0 skip
                continue
            for s in range(t+1): A[r,idx[('z',i,s,t)]]=1
            lo.append(1); hi.append(1); r+=1
            for s in range(t+1):
                A[r,idx[('z',i,s,t)]]=1; A[r,idx[('y',i,s)]]=-1; lo.append(-np.inf); hi.append(0); r+=1
    for s in range(T):
        for i,it in enumerate(its):
            a=float(it['unit_capacity_use']); st=float(it['setup_time'])
            A[r,idx[('y',i,s)]]=st
            for t in range(s,T):
                D=dem[(inst,i+1,t+1)]
                if D>0: A[r,idx[('z',i,s,t)]]=a*D
        lo.append(-np.inf); hi.append(C); r+=1
    A=A[:r].tocsr()
    t0=time.time()
    res=milp(c,constraints=LinearConstraint(A,lo,hi),integrality=integ,bounds=Bounds(lb,ub),options={'time_limit':tl,'mip_rel_gap':0})
    return res, time.time()-t0
tl=float(sys.argv[1]) if len(sys.argv)>1 else 60
insts=sorted(items, key=lambda s:int(s[1:]))
for inst in insts:
    res,dt=solve(inst,tl)
    print(inst, res.status, round(res.fun,4) if res.x is not None else None, getattr(res,'mip_dual_bound',None), round(dt,1), flush=True)
