#!/usr/bin/env python3
"""A bounded load on `nianbao serve` from a second process on loopback: CLIENTS threads post the
samples (all of Samples/, one file a request, to /api/check?reports=1 and /api/convert in turn)
until REQUESTS requests are answered, while the server's resident memory is read from /proc once
a second. Prints the answers by status, the latency percentiles and the memory over the run; exits
1 if any request failed. It starts and stops its own server on a free port.
Usage: Scripts/load-serve.py NIANBAO_BINARY [REQUESTS=2000] [CLIENTS=8]"""
import http.client, os, re, subprocess, sys, threading, time, uuid

binary = os.path.abspath(sys.argv[1])
total = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
clients = int(sys.argv[3]) if len(sys.argv) > 3 else 8
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
samples = [(name, open(os.path.join(root, "Samples", name), "rb").read())
           for name in sorted(os.listdir(os.path.join(root, "Samples")))]
paths = ["/api/check?format=json&reports=1", "/api/convert?to=json", "/api/convert?to=csv"]


def rss_kib(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            return int(re.search(r"VmRSS:\s+(\d+)", f.read()).group(1))
    except (OSError, AttributeError):
        return 0


server = subprocess.Popen([binary, "serve", "--port", "0"], stderr=subprocess.PIPE, text=True)
port = int(re.search(r":(\d+)/", server.stderr.readline()).group(1))
lock = threading.Lock()
next_request = 0
statuses, latencies, memory = {}, [], []
done = threading.Event()


def client():
    global next_request
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    while True:
        with lock:
            if next_request >= total:
                break
            index = next_request
            next_request += 1
        name, data = samples[index % len(samples)]
        boundary = uuid.uuid4().hex
        body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n\r\n".encode()
                + data + f"\r\n--{boundary}--\r\n".encode())
        start = time.monotonic()
        try:
            connection.request("POST", paths[index % len(paths)], body,
                               {"Content-Type": f"multipart/form-data; boundary={boundary}"})
            response = connection.getresponse()
            response.read()
            status = response.status
        except Exception as error:  # a refused or broken connection counts as a failed request
            status = type(error).__name__
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        with lock:
            statuses[status] = statuses.get(status, 0) + 1
            latencies.append(time.monotonic() - start)


def sample_memory():
    while not done.wait(1.0):
        memory.append(rss_kib(server.pid))


sampler = threading.Thread(target=sample_memory)
sampler.start()
began = time.monotonic()
threads = [threading.Thread(target=client) for _ in range(clients)]
for t in threads:
    t.start()
for t in threads:
    t.join()
elapsed = time.monotonic() - began
done.set()
sampler.join()
server.terminate()
server.wait(timeout=10)

latencies.sort()
percentile = lambda p: latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000
print(f"load-serve: {total} requests, {clients} clients, {elapsed:.1f} s, {total / elapsed:.1f} requests/s")
print(f"load-serve: answers by status {dict(sorted(statuses.items(), key=str))}")
print(f"load-serve: latency ms p50 {percentile(.5):.0f}, p90 {percentile(.9):.0f}, p99 {percentile(.99):.0f}, max {latencies[-1] * 1000:.0f}")
if memory:
    tenth = max(1, len(memory) // 10)
    print(f"load-serve: server RSS MiB first second {memory[0] / 1024:.1f}, first tenth max {max(memory[:tenth]) / 1024:.1f}, "
          f"last tenth max {max(memory[-tenth:]) / 1024:.1f}, max {max(memory) / 1024:.1f}")
failed = sum(count for status, count in statuses.items() if status != 200)
sys.exit(1 if failed else 0)
