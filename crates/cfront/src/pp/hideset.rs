//! Hidesets (Prosser's algorithm): sets of macro names a token may no
//! longer be expanded by. Sets are interned as sorted vectors so a token
//! carries just a `u32` id (0 = the empty set) and equal sets share one id.

use crate::lex::FastMap;
use std::rc::Rc;

pub struct HideSets {
    sets: Vec<Rc<[u32]>>,
    ids: FastMap<Rc<[u32]>, u32>,
    /// Macro name → small integer used as a set element.
    names: FastMap<Rc<str>, u32>,
}

impl HideSets {
    pub fn new() -> Self {
        let empty: Rc<[u32]> = Rc::from(&[][..]);
        let mut ids = FastMap::default();
        ids.insert(empty.clone(), 0);
        HideSets { sets: vec![empty], ids, names: FastMap::default() }
    }

    pub fn name_id(&mut self, name: &Rc<str>) -> u32 {
        if let Some(&id) = self.names.get(name) {
            return id;
        }
        let id = self.names.len() as u32;
        self.names.insert(name.clone(), id);
        id
    }

    fn intern(&mut self, v: Vec<u32>) -> u32 {
        if let Some(&id) = self.ids.get(&v[..]) {
            return id;
        }
        let rc: Rc<[u32]> = v.into();
        let id = self.sets.len() as u32;
        self.sets.push(rc.clone());
        self.ids.insert(rc, id);
        id
    }

    pub fn contains(&self, hs: u32, name: u32) -> bool {
        hs != 0 && self.sets[hs as usize].binary_search(&name).is_ok()
    }

    pub fn add(&mut self, hs: u32, name: u32) -> u32 {
        let s = &self.sets[hs as usize];
        match s.binary_search(&name) {
            Ok(_) => hs,
            Err(i) => {
                let mut v = Vec::with_capacity(s.len() + 1);
                v.extend_from_slice(&s[..i]);
                v.push(name);
                v.extend_from_slice(&s[i..]);
                self.intern(v)
            }
        }
    }

    pub fn union(&mut self, a: u32, b: u32) -> u32 {
        if a == b || b == 0 {
            return a;
        }
        if a == 0 {
            return b;
        }
        let mut v: Vec<u32> = self.sets[a as usize].to_vec();
        v.extend_from_slice(&self.sets[b as usize]);
        v.sort_unstable();
        v.dedup();
        self.intern(v)
    }

    pub fn intersect(&mut self, a: u32, b: u32) -> u32 {
        if a == b {
            return a;
        }
        if a == 0 || b == 0 {
            return 0;
        }
        let (sa, sb) = (&self.sets[a as usize], &self.sets[b as usize]);
        let v: Vec<u32> = sa.iter().copied().filter(|x| sb.binary_search(x).is_ok()).collect();
        self.intern(v)
    }
}
