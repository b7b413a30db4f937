# Messages of the rules SL400 to SL899 (headline, note, help), ids `slNNN-...`.
