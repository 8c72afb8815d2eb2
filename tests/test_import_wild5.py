"""Lists in shapes written blind, round five (issue 22): ``tests/data/wild5/*.md`` were written from memory of
public awesome lists and reading trackers before the importer was changed for them, in shapes neither
``tests/data/wild`` … ``wild4`` nor the shared lists hold: Markdown footnotes (``- Title[^3] (NeurIPS 2020)`` with
``[^3]: https://…`` at the bottom) and inline HTML links (``- <a href="…">Title</a>, <i>Venue 2021</i>``),
blockquote entries (``> **Title**`` / ``> Authors`` / ``> [[paper](…)]``) beside ``<details><summary><b>Title</b>
(CVPR 2022)</summary>`` entries, a paper digest (``## 12. Title`` then ``**Link**:``/``**Authors**:``/
``**Published**: 2023-05-17``), a reading tracker (``- ✅ [Title](url) (ICLR'22)``, ``- (Jan 2023) [Title](url)``,
``- 2023.01.15 | [Title](url) | code``), an old ML list (old-style arXiv ids, NIPS proceedings, LaTeX math and
TeX accents) and survey tables (``No. | Model | Title | Venue | Date | Link`` with two papers in one row).

Each is imported as a maintainer would (imported again, built with ``-W``, exported and imported again); the
tests say what a reader needs: every paper its own page, its title exactly, its date, links, authors.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import (
    assert_clean_import,
    assert_every_paper_its_own_dated_page,
    assert_generated_entries,
    assert_round_trip_keeps_links,
    assert_titles_dates_and_links,
    by_title,
    import_as_a_maintainer,
)
from papershelf.formats.lists.fields import VENUE_YEAR, clean_title, is_label

WILD = Path(__file__).parent / "data" / "wild5"
LISTS = sorted(path for path in WILD.glob("*.md") if path.name != "README.md")
A = "https://arxiv.org/abs/"


@pytest.fixture(scope="module")
def shelves(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, object]]:
    return import_as_a_maintainer(LISTS, tmp_path_factory)


#: list -> number of papers it lists (each its own page)
COUNTS = {"blockquote-details": 18, "footnotes-html": 19, "old-ml": 23, "paper-digest": 18, "status-tracker": 23, "survey-tables": 36}
# title -> (date, the paper link, other links {kind: url})
EXPECTED: dict[str, dict[str, tuple[str, str, dict[str, str]]]] = {
    "footnotes-html": {
        "Attention Is All You Need": ("2017-06", A + "1706.03762", {}),
        "BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding": ("2019", "https://aclanthology.org/N19-1423/", {}),
        "RoBERTa: A Robustly Optimized BERT Pretraining Approach": ("2019-07", A + "1907.11692", {}),
        "XLNet: Generalized Autoregressive Pretraining for Language Understanding": ("2019-06", A + "1906.08237", {}),
        "ALBERT: A Lite BERT for Self-supervised Learning of Language Representations": ("2019-09", A + "1909.11942", {}),
        "ELECTRA: Pre-training Text Encoders as Discriminators Rather Than Generators": ("2020-03", A + "2003.10555", {}),
        "Exploring the Limits of Transfer Learning with a Unified Text-to-Text Transformer": ("2020", "https://jmlr.org/papers/v21/20-074.html", {}),
        "REALM: Retrieval-Augmented Language Model Pre-Training": ("2020-02", A + "2002.08909", {}),
        "Dense Passage Retrieval for Open-Domain Question Answering": ("2020-04", A + "2004.04906", {"code": "https://github.com/facebookresearch/DPR"}),
        "Retrieval-Augmented Generation for Knowledge-Intensive NLP Tasks": ("2020-05", A + "2005.11401", {}),
        "Improving language models by retrieving from trillions of tokens": ("2022", "https://proceedings.mlr.press/v162/borgeaud22a.html", {}),
        "Reformer: The Efficient Transformer": ("2020-01", A + "2001.04451", {}),
        "Longformer: The Long-Document Transformer": ("2020-04", A + "2004.05150", {"code": "https://github.com/allenai/longformer"}),
        "Big Bird: Transformers for Longer Sequences": ("2020-07", A + "2007.14062", {}),
        "Linformer: Self-Attention with Linear Complexity": ("2020-06", A + "2006.04768", {}),
        "Transformers are RNNs: Fast Autoregressive Transformers with Linear Attention": ("2020-06", A + "2006.16236", {}),
        "Rethinking Attention with Performers": ("2021", "https://openreview.net/forum?id=Ua6zuk0WRH", {}),
        "FlashAttention: Fast and Memory-Efficient Exact Attention with IO-Awareness": ("2022-05", A + "2205.14135", {"code": "https://github.com/Dao-AILab/flash-attention"}),
        "Efficient Transformers: A Survey": ("2020-09", A + "2009.06732", {}),
    },
    "blockquote-details": {
        "A Simple Framework for Contrastive Learning of Visual Representations": ("2020-02", A + "2002.05709", {"code": "https://github.com/google-research/simclr"}),
        "Momentum Contrast for Unsupervised Visual Representation Learning": ("2019-11", A + "1911.05722", {"code": "https://github.com/facebookresearch/moco"}),
        "Bootstrap your own latent: A new approach to self-supervised Learning": ("2020-06", A + "2006.07733", {}),
        "Exploring Simple Siamese Representation Learning": ("2020-11", A + "2011.10566", {"code": "https://github.com/facebookresearch/simsiam"}),
        "Emerging Properties in Self-Supervised Vision Transformers": ("2021-04", A + "2104.14294", {"code": "https://github.com/facebookresearch/dino"}),
        "Learning Transferable Visual Models From Natural Language Supervision": ("2021-03", A + "2103.00020", {"code": "https://github.com/openai/CLIP"}),
        "An Image is Worth 16x16 Words: Transformers for Image Recognition at Scale": ("2020-10", A + "2010.11929", {"code": "https://github.com/google-research/vision_transformer"}),
        "Training data-efficient image transformers & distillation through attention": ("2020-12", A + "2012.12877", {"code": "https://github.com/facebookresearch/deit"}),
        "Swin Transformer: Hierarchical Vision Transformer using Shifted Windows": ("2021-03", A + "2103.14030", {"code": "https://github.com/microsoft/Swin-Transformer"}),
        "Scaling Vision Transformers": ("2021-06", A + "2106.04560", {}),
        "A ConvNet for the 2020s": ("2022-01", A + "2201.03545", {"code": "https://github.com/facebookresearch/ConvNeXt"}),
        "BEiT: BERT Pre-Training of Image Transformers": ("2021-06", A + "2106.08254", {"code": "https://github.com/microsoft/unilm/tree/master/beit"}),
        "Masked Autoencoders Are Scalable Vision Learners": ("2021-11", A + "2111.06377", {"code": "https://github.com/facebookresearch/mae"}),
        "SimMIM: A Simple Framework for Masked Image Modeling": ("2021-11", A + "2111.09886", {"code": "https://github.com/microsoft/SimMIM"}),
        "Masked Feature Prediction for Self-Supervised Visual Pre-Training": ("2021-12", A + "2112.09133", {}),
        "EVA: Exploring the Limits of Masked Visual Representation Learning at Scale": ("2022-11", A + "2211.07636", {"code": "https://github.com/baaivision/EVA"}),
        "DINOv2: Learning Robust Visual Features without Supervision": ("2023-04", A + "2304.07193", {"code": "https://github.com/facebookresearch/dinov2"}),
        "Segment Anything": ("2023-04", A + "2304.02643", {}),
    },
    "paper-digest": {
        # "**Published**: 2022-10-06" is the day the list says it appeared
        "ReAct: Synergizing Reasoning and Acting in Language Models": ("2022-10-06", A + "2210.03629", {}),
        "Reflexion: Language Agents with Verbal Reinforcement Learning": ("2023-03-20", A + "2303.11366", {"code": "https://github.com/noahshinn/reflexion"}),
        "Tree of Thoughts: Deliberate Problem Solving with Large Language Models": ("2023-05-17", A + "2305.10601", {}),
        "Language Agent Tree Search Unifies Reasoning Acting and Planning in Language Models": ("2023-10-06", A + "2310.04406", {}),
        "Generative Agents: Interactive Simulacra of Human Behavior": ("2023-10-29", "https://dl.acm.org/doi/10.1145/3586183.3606763", {}),
        "Voyager: An Open-Ended Embodied Agent with Large Language Models": ("2023-05-25", A + "2305.16291", {"homepage": "https://voyager.minedojo.org/"}),
        "Toolformer: Language Models Can Teach Themselves to Use Tools": ("2023-02-09", A + "2302.04761", {}),
        "HuggingGPT: Solving AI Tasks with ChatGPT and its Friends in Hugging Face": ("2023-03-30", A + "2303.17580", {}),
        "Gorilla: Large Language Model Connected with Massive APIs": ("2023-05-24", A + "2305.15334", {"code": "https://github.com/ShishirPatil/gorilla"}),
        "ToolLLM: Facilitating Large Language Models to Master 16000+ Real-world APIs": ("2023-07-31", A + "2307.16789", {}),
        "SWE-agent: Agent-Computer Interfaces Enable Automated Software Engineering": ("2024-05-06", A + "2405.15793", {}),
        'CAMEL: Communicative Agents for "Mind" Exploration of Large Language Model Society': ("2023-03-31", A + "2303.17760", {}),
        "Communicative Agents for Software Development": ("2023-07-16", A + "2307.07924", {}),
        "MetaGPT: Meta Programming for A Multi-Agent Collaborative Framework": ("2024-01-16", "https://openreview.net/forum?id=VtmBAGCN7o", {}),
        "AutoGen: Enabling Next-Gen LLM Applications via Multi-Agent Conversation": ("2023-08-16", A + "2308.08155", {}),
        "AgentVerse: Facilitating Multi-Agent Collaboration and Exploring Emergent Behaviors": ("2023-08-21", A + "2308.10848", {}),
        "A Survey on Large Language Model based Autonomous Agents": ("2023-08-22", A + "2308.11432", {}),
        "The Rise and Potential of Large Language Model Based Agents: A Survey": ("2023-09-14", A + "2309.07864", {}),
    },
    "status-tracker": {
        "Denoising Diffusion Probabilistic Models": ("2020-06", A + "2006.11239", {}),
        "Denoising Diffusion Implicit Models": ("2020-10", A + "2010.02502", {}),
        "Score-Based Generative Modeling through Stochastic Differential Equations": ("2020-11", A + "2011.13456", {}),
        "Improved Denoising Diffusion Probabilistic Models": ("2021-02", A + "2102.09672", {}),
        "Diffusion Models Beat GANs on Image Synthesis": ("2021-05", A + "2105.05233", {"code": "https://github.com/openai/guided-diffusion"}),
        "Flow Matching for Generative Modeling": ("2023", "https://openreview.net/forum?id=PqvMRDCJT9t", {}),
        "Scalable Diffusion Models with Transformers": ("2022-12", A + "2212.09748", {}),
        "Classifier-Free Diffusion Guidance": ("2021", A + "2207.12598", {}),
        "Elucidating the Design Space of Diffusion-Based Generative Models": ("2022-06", A + "2206.00364", {}),
        "Progressive Distillation for Fast Sampling of Diffusion Models": ("2022-02", A + "2202.00512", {}),
        "Consistency Models": ("2023-03", A + "2303.01469", {}),
        "DPM-Solver: A Fast ODE Solver for Diffusion Probabilistic Model Sampling in Around 10 Steps": ("2022-06", A + "2206.00927", {}),
        "GLIDE: Towards Photorealistic Image Generation and Editing with Text-Guided Diffusion Models": ("2021-12", A + "2112.10741", {}),
        "Hierarchical Text-Conditional Image Generation with CLIP Latents": ("2022-04", A + "2204.06125", {}),
        "DreamBooth: Fine Tuning Text-to-Image Diffusion Models for Subject-Driven Generation": ("2022-08", A + "2208.12242", {}),
        "An Image is Worth One Word: Personalizing Text-to-Image Generation using Textual Inversion": ("2022-08", A + "2208.01618", {}),
        "Muse: Text-To-Image Generation via Masked Generative Transformers": ("2023-01", A + "2301.00704", {}),
        "Wuerstchen: An Efficient Architecture for Large-Scale Text-to-Image Diffusion Models": ("2023-06", "https://openreview.net/forum?id=gU58d5QeGv", {}),
        # "2021.12.20 | [Title](…)": the day the list gives
        "High-Resolution Image Synthesis with Latent Diffusion Models": ("2021-12-20", A + "2112.10752", {"code": "https://github.com/CompVis/latent-diffusion"}),
        "Photorealistic Text-to-Image Diffusion Models with Deep Language Understanding": ("2022-05-23", A + "2205.11487", {}),
        "Adding Conditional Control to Text-to-Image Diffusion Models": ("2023-02-10", A + "2302.05543", {"code": "https://github.com/lllyasviel/ControlNet"}),
        "SDXL: Improving Latent Diffusion Models for High-Resolution Image Synthesis": ("2023-07-04", A + "2307.01952", {"code": "https://github.com/Stability-AI/generative-models"}),
        "Fast Sampling of Diffusion Models with Exponential Integrator": ("2023-01-20", "https://openreview.net/forum?id=Loek7hfb46P", {}),
    },
    "old-ml": {
        "Adam: A Method for Stochastic Optimization": ("2014-12", "http://arxiv.org/abs/1412.6980", {}),
        # LaTeX math and TeX accents read as a reader sees them
        "An Interior-Point Method for Large-Scale \u21131-Regularized Logistic Regression": ("2007", "http://jmlr.org/papers/v8/koh07a.html", {}),
        "Reinforcement Learning: A Survey": ("1996-05", "http://arxiv.org/abs/cs/9605103", {}),
        "Hierarchical Reinforcement Learning with the MAXQ Value Function Decomposition": ("1999-05", "https://arxiv.org/abs/cs/9905014", {}),
        "Decoding by Linear Programming": ("2005-02", "http://arxiv.org/abs/math/0502327", {}),
        "Exact Matrix Completion via Convex Optimization": ("2008-05", "http://arxiv.org/abs/0805.4471v1", {}),
        "Robust Principal Component Analysis?": ("2009-12", "http://arxiv.org/abs/0912.3599", {}),
        "Finding structure with randomness: Probabilistic algorithms for constructing approximate matrix decompositions": (
            "2009-09", "http://arxiv.org/abs/0909.4061", {}),
        "A Tutorial on Spectral Clustering": ("2007-11", "http://arxiv.org/abs/0711.0189", {}),
        "Scalable k-means++": ("2012-03", "http://arxiv.org/abs/1203.6402", {}),
        "A Kernel Two-Sample Test": ("2012", "http://jmlr.org/papers/v13/gretton12a.html", {}),
        "Kernel Mean Embedding of Distributions: A Review and Beyond": ("2016-05", "http://arxiv.org/abs/1605.09522", {}),
        "R\u00e9nyi Differential Privacy": ("2017-02", "https://arxiv.org/abs/1702.07476", {}),
        "Fast \u03b5-free Inference of Simulation Models with Bayesian Conditional Density Estimation": ("2016-05", "http://arxiv.org/abs/1605.06376", {}),
        "Improving neural networks by preventing co-adaptation of feature detectors": ("2012-07", "http://arxiv.org/pdf/1207.0580v1.pdf", {}),
        "ImageNet Classification with Deep Convolutional Neural Networks": (
            "2012", "http://papers.nips.cc/paper/4824-imagenet-classification-with-deep-convolutional-neural-networks", {}),
        "Distributed Representations of Words and Phrases and their Compositionality": (
            "2013", "http://papers.nips.cc/paper/5021-distributed-representations-of-words-and-phrases-and-their-compositionality", {}),
        "Auto-Encoding Variational Bayes": ("2013-12", "http://arxiv.org/abs/1312.6114", {}),
        "Playing Atari with Deep Reinforcement Learning": ("2013-12", "http://arxiv.org/abs/1312.5602v1", {}),
        "Sequence to Sequence Learning with Neural Networks": ("2014", "http://papers.nips.cc/paper/5346-sequence-to-sequence-learning-with-neural-networks", {}),
        "Generative Adversarial Nets": ("2014", "http://papers.nips.cc/paper/5423-generative-adversarial-nets.pdf", {}),
        "Dropout: A Simple Way to Prevent Neural Networks from Overfitting": ("2014", "http://jmlr.org/papers/v15/srivastava14a.html", {}),
        "Batch Normalization: Accelerating Deep Network Training by Reducing Internal Covariate Shift": ("2015-02", "https://arxiv.org/pdf/1502.03167v3.pdf", {}),
    },
    "survey-tables": {
        "LLaMA: Open and Efficient Foundation Language Models": ("2023-02", A + "2302.13971", {}),
        "Llama 2: Open Foundation and Fine-Tuned Chat Models": ("2023-07", A + "2307.09288", {}),
        "PaLM: Scaling Language Modeling with Pathways": ("2022-04", "https://arxiv.org/pdf/2204.02311.pdf", {}),
        "Training Compute-Optimal Large Language Models": ("2022-03", A + "2203.15556", {}),
        "OPT: Open Pre-trained Transformer Language Models": ("2022-05", A + "2205.01068", {}),
        "BLOOM: A 176B-Parameter Open-Access Multilingual Language Model": ("2022-11", A + "2211.05100", {}),
        # two papers in one row, each with its own date and link
        "Mistral 7B": ("2023-10", A + "2310.06825", {}),
        "Mixtral of Experts": ("2024-01", A + "2401.04088", {}),
        "GLM: General Language Model Pretraining with Autoregressive Blank Infilling": ("2021-03", "https://aclanthology.org/2022.acl-long.26/", {}),
        "GLM-130B: An Open Bilingual Pre-trained Model": ("2022-10", A + "2210.02414", {}),
        "Gemma: Open Models Based on Gemini Research and Technology": ("2024-03", "https://arxiv.org/pdf/2403.08295", {}),
        "The RefinedWeb Dataset for Falcon LLM: Outperforming Curated Corpora with Web Data, and Web Data Only": ("2023-06", A + "2306.01116", {}),
        "Finetuned Language Models Are Zero-Shot Learners": ("2021-09", A + "2109.01652", {}),
        "Multitask Prompted Training Enables Zero-Shot Task Generalization": ("2021-10", "https://openreview.net/forum?id=9Vrb9D0WI4", {}),
        "Training language models to follow instructions with human feedback": ("2022-03", A + "2203.02155", {}),
        "Self-Instruct: Aligning Language Models with Self-Generated Instructions": ("2022-12", A + "2212.10560", {}),
        "Scaling Instruction-Finetuned Language Models": ("2022-10", A + "2210.11416", {}),
        "Direct Preference Optimization: Your Language Model is Secretly a Reward Model": ("2023-05", A + "2305.18290", {}),
        "Constitutional AI: Harmlessness from AI Feedback": ("2022-12", A + "2212.08073", {}),
        "LIMA: Less Is More for Alignment": ("2023-05", A + "2305.11206", {}),
        "LoRA: Low-Rank Adaptation of Large Language Models": ("2021-06", A + "2106.09685", {}),
        "QLoRA: Efficient Finetuning of Quantized LLMs": ("2023-05", A + "2305.14314", {}),
        "Chain-of-Thought Prompting Elicits Reasoning in Large Language Models": ("2022-01", A + "2201.11903", {}),
        "Self-Consistency Improves Chain of Thought Reasoning in Language Models": ("2022-03", A + "2203.11171", {}),
        "Large Language Models are Zero-Shot Reasoners": ("2022-05", A + "2205.11916", {}),
        "Program of Thoughts Prompting: Disentangling Computation from Reasoning for Numerical Reasoning Tasks": ("2022-11", A + "2211.12588", {}),
        "Solving Quantitative Reasoning Problems with Language Models": ("2022-06", "https://arxiv.org/pdf/2206.14858.pdf", {}),
        "STaR: Bootstrapping Reasoning With Reasoning": ("2022-03", A + "2203.14465", {}),
        "Quiet-STaR: Language Models Can Teach Themselves to Think Before Speaking": ("2024-03", A + "2403.09629", {}),
        "Let's Verify Step by Step": ("2023-05", A + "2305.20050", {}),
        "Measuring Massive Multitask Language Understanding": ("2020-09", A + "2009.03300", {}),
        "Beyond the Imitation Game: Quantifying and extrapolating the capabilities of language models": ("2022-06", A + "2206.04615", {}),
        "Holistic Evaluation of Language Models": ("2022-11", A + "2211.09110", {}),
        "Judging LLM-as-a-Judge with MT-Bench and Chatbot Arena": ("2023-06", A + "2306.05685", {}),
        "Evaluating Large Language Models Trained on Code": ("2021-07", A + "2107.03374", {}),
        "Training Verifiers to Solve Math Word Problems": ("2021-10", A + "2110.14168", {}),
    },
}
#: list -> title -> the short name the list gives
NAMES = {
    "survey-tables": {
        "LLaMA: Open and Efficient Foundation Language Models": "LLaMA", "Training Compute-Optimal Large Language Models": "Chinchilla",
        "Mistral 7B": "Mistral 7B", "Mixtral of Experts": "Mixtral", "GLM-130B: An Open Bilingual Pre-trained Model": "GLM-130B",
        "LoRA: Low-Rank Adaptation of Large Language Models": "LoRA", "QLoRA: Efficient Finetuning of Quantized LLMs": "QLoRA",
        "Quiet-STaR: Language Models Can Teach Themselves to Think Before Speaking": "Quiet-STaR", "Let's Verify Step by Step": "PRM800K",
        "Scaling Instruction-Finetuned Language Models": "Flan-T5",
    },
}
#: list -> title -> (BibTeX author field or "" when not checked, a venue field as generated)
AUTHORS = {
    "blockquote-details": {
        "Momentum Contrast for Unsupervised Visual Representation Learning": ("Kaiming He and Haoqi Fan and Yuxin Wu and Saining Xie and Ross Girshick", "CVPR 2020"),
        "A Simple Framework for Contrastive Learning of Visual Representations": ("Ting Chen and Simon Kornblith and Mohammad Norouzi and Geoffrey Hinton", ""),
        "A ConvNet for the 2020s": ("", "CVPR 2022"),
        "DINOv2: Learning Robust Visual Features without Supervision": ("", "TMLR 2024"),
    },
    "footnotes-html": {
        "Attention Is All You Need": ("", "NeurIPS 2017"),
        "Dense Passage Retrieval for Open-Domain Question Answering": ("", "EMNLP 2020"),
        "Efficient Transformers: A Survey": ("", "ACM Computing Surveys 2022"),
    },
    "paper-digest": {
        "Gorilla: Large Language Model Connected with Massive APIs": ("Shishir G. Patil and Tianjun Zhang and Xin Wang and Joseph E. Gonzalez", ""),
        "ReAct: Synergizing Reasoning and Acting in Language Models": (
            "Shunyu Yao and Jeffrey Zhao and Dian Yu and Nan Du and Izhak Shafran and Karthik Narasimhan and Yuan Cao", ""),
    },
    "status-tracker": {
        "Denoising Diffusion Implicit Models": ("", "ICLR 2021"),
        "Classifier-Free Diffusion Guidance": ("", "NeurIPS 2021 Workshop"),
    },
    "old-ml": {
        "A Kernel Two-Sample Test": ("A. Gretton and K. M. Borgwardt and M. J. Rasch and B. Sch\u00f6lkopf and A. Smola", "JMLR 2012"),
        "Decoding by Linear Programming": ("E. J. Cand\u00e8s and T. Tao", ""),
        "Adam: A Method for Stochastic Optimization": ("D. P. Kingma and J. Ba", "ICLR 2015"),
    },
    "survey-tables": {
        "GLM: General Language Model Pretraining with Autoregressive Blank Infilling": ("", "ACL 2022"),
        "GLM-130B: An Open Bilingual Pre-trained Model": ("", "ICLR 2023"),
        "Training Compute-Optimal Large Language Models": ("", "NeurIPS 2022"),
    },
}


def test_six_blind_lists() -> None:
    assert {path.stem for path in LISTS} == set(COUNTS) == set(EXPECTED)
    assert all(len(EXPECTED[name]) == count for name, count in COUNTS.items())


@pytest.mark.parametrize("name", sorted(COUNTS))
def test_every_paper_its_own_dated_page(shelves: dict[str, dict[str, object]], name: str) -> None:
    assert_every_paper_its_own_dated_page(shelves[name], COUNTS[name])


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_titles_dates_and_links(shelves: dict[str, dict[str, object]], name: str) -> None:
    assert set(by_title(shelves[name])) == set(EXPECTED[name])
    assert_titles_dates_and_links(shelves[name], EXPECTED[name])


@pytest.mark.parametrize("name", sorted(COUNTS))
def test_titles_and_names_a_reader_accepts(shelves: dict[str, dict[str, object]], name: str) -> None:
    for title, page in by_title(shelves[name]).items():
        assert not re.search(r"\((?:[A-Za-z]+\s*)?(?:19|20)\d{2}\)$|\[\^|\[\[|\]\]|\u2014|<|\$|\\|[\u2705\u23f3\U0001f4d6\U0001f525]|^\d+\.", title), title
        assert not is_label(title) and clean_title(title).text == title, title
        short = str(page["short_name"])
        assert not re.search(r"\((?:\d{4}(?:\s+\d+)?|\d+)\)\s*$|^\d+\.|^-$|<br>", short), (title, short)
        assert not VENUE_YEAR.match(short), (title, short)
    for title, short in NAMES.get(name, {}).items():
        assert by_title(shelves[name])[title]["short_name"] == short


@pytest.mark.parametrize("name", sorted(AUTHORS))
def test_authors_and_venue_reach_the_generated_entry(shelves: dict[str, dict[str, object]], name: str) -> None:
    assert_generated_entries(shelves[name], AUTHORS[name])


@pytest.mark.parametrize("name", sorted(COUNTS))
def test_no_importer_warning_a_clean_build_idempotent_and_round_trip(shelves: dict[str, dict[str, object]], name: str) -> None:
    assert_clean_import(shelves[name])
    assert_round_trip_keeps_links(shelves[name])


#: list -> title -> the reading status its tracker mark says ("✅" read, "⏳" reading, "📖" no status: unread)
STATUS = {"status-tracker": {"Denoising Diffusion Implicit Models": "read", "Diffusion Models Beat GANs on Image Synthesis": "reading",
                             "Consistency Models": "unread", "Muse: Text-To-Image Generation via Masked Generative Transformers": "unread"}}


@pytest.mark.parametrize("name", sorted(STATUS))
def test_a_trackers_marks_give_the_status(shelves: dict[str, dict[str, object]], name: str) -> None:
    assert {title: by_title(shelves[name])[title]["status"] for title in STATUS[name]} == STATUS[name]


def test_footnotes_digest_fields_quotes_and_summaries() -> None:
    from papershelf.formats.lists import awesome

    said = (
        "## Owls\n\n- Owl Flight Without a Sound[^1] (NeurIPS 2020)\n- Night Vision of the Barn Owl[^b]\n\n"
        "## 3. Hearing in the Dark: Owls and Their Ears\n\n**Link**: https://arxiv.org/abs/2004.05150\n**Authors**: Ann Owl, Ben Heron\n"
        "**Abstract**: Owls hear well,\nvery well.\n**Published**: 2021-03-04\n**Code**: https://github.com/owl/ears\n\n"
        "## Quotes\n\n> **Feathers as Sound Dampers in Birds**\n> Ann Owl, Ben Heron\n> *CVPR 2020*\n> [[paper](https://arxiv.org/abs/1911.05722)]\n\n"
        "<details><summary><b>Owl Eyes</b> (ICCV 2023)</summary>\n\nAbstract.\n\n[paper](https://arxiv.org/abs/2304.02643)\n</details>\n\n"
        "[^1]: https://arxiv.org/abs/1706.03762\n[^b]: [arXiv](https://arxiv.org/abs/2205.14135) [code](https://github.com/owl/vision)\n"
    )
    got = {item.title: (item.paper_url, item.authors, item.venue, item.date) for item in awesome.parse_awesome(said, "x.md").items}
    assert got == {
        "Owl Flight Without a Sound": ("https://arxiv.org/abs/1706.03762", "", "NeurIPS 2020", "2020"),
        "Night Vision of the Barn Owl": ("https://arxiv.org/abs/2205.14135", "", "", ""),
        "Hearing in the Dark: Owls and Their Ears": ("https://arxiv.org/abs/2004.05150", "Ann Owl and Ben Heron", "", "2021-03-04"),
        "Feathers as Sound Dampers in Birds": ("https://arxiv.org/abs/1911.05722", "Ann Owl and Ben Heron", "CVPR 2020", "2020"),
        "Owl Eyes": ("https://arxiv.org/abs/2304.02643", "", "ICCV 2023", "2023"),
    }


def test_tex_two_papers_in_a_row_and_marks_after_a_title() -> None:
    from papershelf.formats.lists import awesome
    from papershelf.formats.lists.tex import tex_as_text

    assert tex_as_text(r"Large-Scale $\ell_1$-Regularized, $k$-means, $\epsilon$-free, $O(n^2)$, Sch\"olkopf, Cand\`es, Erd\H{o}s") == \
        "Large-Scale \u21131-Regularized, k-means, \u03b5-free, O(n\u00b2), Sch\u00f6lkopf, Cand\u00e8s, Erd\u0151s"
    assert tex_as_text("costs $5 and $10, `$\\ell_1$` in code, $\\frac{a}{b}$") == "costs $5 and $10, `$\\ell_1$` in code, $\\frac{a}{b}$"
    table = (
        "| No. | Model | Title | Venue | Date | Link |\n|---|---|---|---|---|---|\n"
        "| 1 | Owl / Owl-2 | Owl: A Bird of the Night<br>Owl-2: A Second Bird of the Night | ICLR 2022<br>ICLR 2023 | 2021-06<br>2022-10 | "
        "[arXiv](https://arxiv.org/abs/2106.09685)<br>[arXiv](https://arxiv.org/abs/2210.02414) |\n"
        "| 2 | - | Owls Hunt at Night: A Study 🔥 | arXiv | 2022-12 | [arXiv](https://arxiv.org/abs/2212.08073) |\n"
        "| 3 | Heron | Herons Wait: On Patience<br>Ann Owl, Ben Heron | arXiv | 2023-01 | [arXiv](https://arxiv.org/abs/2301.00704) |\n"
    )
    got = {item.title: (item.name, item.venue, item.date, item.paper_url) for item in awesome.parse_awesome(table, "x.md").items}
    assert got == {
        "Owl: A Bird of the Night": ("Owl", "ICLR 2022", "2021-06", "https://arxiv.org/abs/2106.09685"),
        "Owl-2: A Second Bird of the Night": ("Owl-2", "ICLR 2023", "2022-10", "https://arxiv.org/abs/2210.02414"),
        "Owls Hunt at Night: A Study": ("", "arXiv", "2022-12", "https://arxiv.org/abs/2212.08073"),
        "Herons Wait: On Patience": ("Heron", "arXiv", "2023-01", "https://arxiv.org/abs/2301.00704"),  # one link: title and authors, one paper
    }
    from papershelf.formats.lists.awesome.citations import _cited_ids

    assert _cited_ids({"journal": "arXiv preprint arXiv:2401.00000"}) == set()  # a template's placeholder cites nothing
    assert _cited_ids({"journal": "arXiv preprint arXiv:2401.00001"}) == {"2401.00001"}


def test_what_the_new_rules_leave_alone() -> None:
    """Seen on the shared lists: a venue and month after a quoted title names no author, and a title cell
    "[Title](…) <br> Authors" beside "[Paper](…)<br>[Code](…)" is one paper, not two."""
    from papershelf.formats.lists import awesome

    [item] = awesome.parse_awesome('* **Owl Agent**: "Large Owls for Orchestrating Bimanual Robots", Humanoids, Nov. 2024. [[Paper](https://arxiv.org/abs/2404.02018)]\n', "x.md").items
    assert (item.authors, item.venue, item.date) == ("", "Humanoids 2024", "2024-11")
    table = ("| Title & Authors | Links |\n|---|---|\n|:star: [Knowledge of Owls at Night](https://arxiv.org/abs/2306.08543) <br> Ann Owl, Ben Heron | "
             "[Paper](https://arxiv.org/abs/2306.08543)<br>[Code](https://github.com/owl/kd) |\n")
    assert [(item.title, item.authors) for item in awesome.parse_awesome(table, "x.md").items] == [("Knowledge of Owls at Night", "Ann Owl and Ben Heron")]
