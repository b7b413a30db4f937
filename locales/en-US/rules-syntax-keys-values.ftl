# Messages of the rules SL100 to SL399 (headline, note, help), ids `slNNN-...`.
