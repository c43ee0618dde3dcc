// Copyright (c) 2026, iro_standards contributors and contributors
// For license information, please see license.txt
