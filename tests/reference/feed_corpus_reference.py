# Writes the reference for tests/crawl/corpus.rs: for every feed file under DIR, the number of
# entries with text (title, summary or content with tags removed) that python feedparser finds.
# Usage: python3 feed_corpus_reference.py DIR OUT.json   (needs `pip install feedparser`)
import feedparser, sys, os, json, re, html
def tx(v):
    return html.unescape(re.sub(r'<[^>]*>','',v or '')).strip()
root=sys.argv[1]
out={}
for d,_,fs in os.walk(root):
    for f in fs:
        if not f.endswith(('.xml','.rss','.atom','.rdf')): continue
        p=os.path.join(d,f)
        data=open(p,'rb').read()
        try:
            r=feedparser.parse(data)
        except Exception as e:
            continue
        n=0
        for e in r.entries:
            t=tx(e.get('title'))
            s=tx(e.get('summary'))
            c=tx(''.join((x.get('value') or '') for x in e.get('content',[])))
            if t or s or c: n+=1
        out[os.path.relpath(p,root)]=n
json.dump(out,open(sys.argv[2],'w'),indent=0)
pos=sum(1 for v in out.values() if v>0)
print(len(out),'files',pos,'with entries with text')
