#!/usr/bin/python3
"""Independent Modbus TCP peer for the OpenCPM grid-meter tests, built on pymodbus (Debian python3-pymodbus 3.0).

Usage: pymodbus_meter.py SPEC.json

SPEC.json:
  unit        unit id served (other unit ids get no answer, like a missing gateway slave); null = any
  registers   [{"fc": 3|4, "address": N, "type": "int16|uint16|int32|uint32|int64|uint64|float32|float64",
                "wordOrder": "big|little", "value": V}]  values are encoded here with struct
  sunspec     {"base": 40000, "commonLength": 65, "model": 203|213, "points": {"AphA": V, ...},
               "scaleFactors": {"A_SF": -2, ...}}  a SunSpec layout ("SunS", common model, meter model, end)
  modeFile    path of a file holding the fault mode, read for every answer:
              normal | exception | garbage | silent | drop
Prints "LISTENING <port>" once the server accepts connections; exits when stdin closes.
"""

import asyncio
import json
import os
import struct
import sys
import threading

from pymodbus.datastore import ModbusServerContext, ModbusSlaveContext, ModbusSparseDataBlock
from pymodbus.pdu import ExceptionResponse
from pymodbus.server import StartAsyncTcpServer

FORMATS = {
    "int16": ">h", "uint16": ">H", "int32": ">i", "uint32": ">I",
    "int64": ">q", "uint64": ">Q", "float32": ">f", "float64": ">d",
}

# SunSpec meter model offsets from the model ID register (sunspec models 201-204 and 211-214).
FLOAT_OFFSETS = {
    "A": 2, "AphA": 4, "AphB": 6, "AphC": 8, "PhVphA": 12, "PhVphB": 14, "PhVphC": 16, "Hz": 26,
    "W": 28, "WphA": 30, "WphB": 32, "WphC": 34, "TotWhExp": 60, "TotWhImp": 68,
}
INT_OFFSETS = {
    "A": 2, "AphA": 3, "AphB": 4, "AphC": 5, "A_SF": 6, "PhVphA": 8, "PhVphB": 9, "PhVphC": 10, "V_SF": 15,
    "Hz": 16, "Hz_SF": 17, "W": 18, "WphA": 19, "WphB": 20, "WphC": 21, "W_SF": 22,
    "TotWhExp": 38, "TotWhImp": 46, "TotWh_SF": 54,
}
ACC32 = {"TotWhExp", "TotWhImp"}


def encode(type_name, value, word_order="big"):
    fmt = FORMATS[type_name]
    data = struct.pack(fmt, float(value) if type_name.startswith("float") else int(value))
    words = [int.from_bytes(data[i:i + 2], "big") for i in range(0, len(data), 2)]
    return words[::-1] if word_order == "little" else words


def put(block, address, words):
    for i, word in enumerate(words):
        block[address + i] = word


def sunspec_layout(spec, holding):
    base = spec.get("base", 40000)
    common_length = spec.get("commonLength", 65)
    model = spec["model"]
    put(holding, base, [0x5375, 0x6E53])
    put(holding, base + 2, [1, common_length] + [0] * common_length)
    model_address = base + 4 + common_length
    is_float = 211 <= model <= 214
    length = 124 if is_float else 105
    registers = [model, length] + [0] * length
    if is_float:
        for offset in range(2, length, 2):
            registers[offset:offset + 2] = encode("float32", float("nan"))
        for name, value in spec.get("points", {}).items():
            offset = FLOAT_OFFSETS[name]
            registers[offset:offset + 2] = encode("float32", value)
    else:
        for offset in range(2, 38):
            registers[offset] = 0x8000
        registers[54] = 0x8000
        for name, value in {**spec.get("points", {}), **spec.get("scaleFactors", {})}.items():
            offset = INT_OFFSETS[name]
            if name in ACC32:
                registers[offset:offset + 2] = encode("uint32", value)
            else:
                registers[offset] = encode("int16", value)[0]
    put(holding, model_address, registers)
    put(holding, model_address + 2 + length, [0xFFFF, 0])


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        spec = json.load(f)
    holding, inputs = {}, {}
    for register in spec.get("registers", []):
        target = holding if register["fc"] == 3 else inputs
        put(target, register["address"], encode(register["type"], register["value"], register.get("wordOrder", "big")))
    if "sunspec" in spec:
        sunspec_layout(spec["sunspec"], holding)

    slave = ModbusSlaveContext(
        hr=ModbusSparseDataBlock(holding), ir=ModbusSparseDataBlock(inputs), zero_mode=True)
    unit = spec.get("unit")
    context = ModbusServerContext(slaves=slave, single=True) if unit is None \
        else ModbusServerContext(slaves={unit: slave}, single=False)
    mode_file = spec.get("modeFile")

    def mode():
        try:
            with open(mode_file, encoding="utf-8") as f:
                return f.read().strip()
        except (OSError, TypeError):
            return "normal"

    def manipulate(response):
        current = mode()
        if current == "garbage":
            return b"\xde\xad\xbe\xef\x13\x37\x00\xff\x42\x42\x42", True
        if current == "silent":
            return b"", True
        if current == "drop":
            raise ConnectionAbortedError("connection dropped by the test")
        if current == "exception":
            answer = ExceptionResponse(response.function_code & 0x7F, 4)
            answer.transaction_id = response.transaction_id
            answer.unit_id = response.unit_id
            return answer, False
        return response, False

    async def serve():
        server = await StartAsyncTcpServer(
            context=context, address=("127.0.0.1", 0), defer_start=True,
            response_manipulator=manipulate, ignore_missing_slaves=True)
        task = asyncio.create_task(server.serve_forever())
        await server.serving
        port = server.server.sockets[0].getsockname()[1]
        print(f"LISTENING {port}", flush=True)
        await task

    def exit_when_stdin_closes():
        sys.stdin.read()
        os._exit(0)

    threading.Thread(target=exit_when_stdin_closes, daemon=True).start()
    asyncio.run(serve())


if __name__ == "__main__":
    main()
